// Worksection API v2: the client, its errors and types, and the pure helpers
// (signing, throttling, dates, page paths, account addresses) around it.
export {
  WorksectionClient,
  isEventPeriod,
  sharedClockOffsets,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_WAIT_MS,
  DEFAULT_TIMEOUT_MS,
  type AddCostsInput,
  type CallOptions,
  type PostCommentInput,
  type PostTaskInput,
  type UpdateTaskInput,
  type WorksectionAuth,
  type WorksectionClientOptions,
  type WsCostsTotalExtra,
  type WsEventPeriod,
  type WsProjectExtra,
  type WsTaskExtra,
} from './client';
export { WorksectionError, isWorksectionError, type WorksectionErrorKind } from './errors';
export type * from './types';
export {
  ReplyShapeError,
  parseWsComment,
  parseWsCost,
  parseWsEvent,
  parseWsFile,
  parseWsMe,
  parseWsProject,
  parseWsProjectRef,
  parseWsSubtask,
  parseWsTask,
  parseWsTaskBrief,
  parseWsTimeMoney,
  parseWsUser,
  parseWsUserGroup,
  parseWsUserRef,
  readCosts,
  readCostsTotal,
  readCreatedId,
  readEventFeed,
  readItem,
  readList,
  readListTolerant,
  type Parser,
  type WsEventFeed,
  type WsUnknownEvent,
} from './parse';
export { shapeOf, type FeedFinding, type FeedReport } from './feed-report';
export {
  MAX_REQUEST_LINE,
  WIRE_SCHEMES,
  adminAuthorization,
  buildQuery,
  buildWireRequest,
  jsonBody,
  phpUrlencode,
  requestLineLength,
  signAdminQuery,
  type WireAuth,
  type WireRequest,
  type WireScheme,
  type WsParamValue,
  type WsParams,
} from './sign';
export { hmacSha256, sha256 } from './sha256';
export { md5 } from './md5';
export {
  RequestThrottle,
  ThrottleRegistry,
  sharedThrottles,
  realSleep,
  DEFAULT_MIN_INTERVAL_MS,
  type Sleep,
  type ThrottleOptions,
} from './throttle';
export { backoffDelay, parseRetryAfter } from './retry';
export {
  formatWsDate,
  minutesToWsTime,
  parseWsDateTime,
  timeZoneOffsetMs,
  toWsInputDate,
  tryParseWsDateTime,
  wallClockAt,
  wsTimeToMinutes,
} from './dates';
export { commentAnchor, parseWorksectionPath, taskPagePath, type WorksectionPage } from './paths';
export { isWorksectionHost, parseAccountUrl, type AccountUrlResult } from './account-url';
