// Reply badges' pure core (DESIGN §2): who is a client, when a thread waits,
// for how long in calendar and business minutes, and reply-time reports.
export type * from './types';
export {
  clientDirectory,
  isClientThread,
  normaliseDomain,
  type ClientDirectory,
  type ClientDirectoryInput,
  type ClientTeamSource,
  type PersonKey,
  type ThreadPeople,
} from './clients';
export {
  BusinessCalendar,
  businessCalendar,
  businessMinutesBetween,
  isIsoDate,
  isKnownTimeZone,
  parseClockTime,
  validateBusinessHours,
} from './business-hours';
export {
  DEFAULT_REPLY_THRESHOLDS,
  MAX_THRESHOLD_MINUTES,
  calendarMinutesBetween,
  compareUrgency,
  describeWait,
  formatWait,
  replyClock,
  replyState,
  validateReplyThresholds,
  worstState,
} from './clock';
export { isChecklistOnly, threadComment, threadReplies, toThreadComment } from './thread';
export { replyStates, summarizeQueue, type QueueEntry, type QueueSummary } from './queue';
export {
  byClient,
  byProject,
  episodeMinutes,
  median,
  percentileNearestRank,
  replyTimeStats,
  toCsv,
  type CsvColumn,
  type CsvValue,
  type EpisodeRecord,
  type ReplyMeasure,
  type ReplyTimeOptions,
  type ReplyTimeRow,
  type ReplyTimeStats,
} from './report';
