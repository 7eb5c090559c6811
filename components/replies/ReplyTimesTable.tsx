import { t } from '@/lib/i18n';
import type { ReplyMeasure, ReplyTimeRow } from '@/lib/replies/report';
import { downloadText } from '../reports/download';
import type { Period } from '../reports/period';
import { formatMinutes, formatShare, replyTimesCsv, replyTimesFileName, type ReplyTimeGrouping } from './reply-times-table';

interface Props {
  grouping: ReplyTimeGrouping;
  rows: ReplyTimeRow[];
  period: Period;
  measure: ReplyMeasure;
  /** The period and measure in words, for the caption ("1 Nov 2026 – 30 Nov 2026, calendar minutes"). */
  context: string;
}

/** The CSV's headers name the unit, since its cells are bare numbers. */
function csvHeaders(grouping: ReplyTimeGrouping, measure: ReplyMeasure) {
  const unit = measure === 'business' ? t('reportsUnitBusinessMinutes') : t('reportsUnitMinutes');
  return {
    label: grouping === 'project' ? t('reportsColumnProject') : t('reportsColumnClient'),
    episodes: t('reportsColumnEpisodes'),
    median: t('reportsCsvInUnit', [t('reportsColumnMedian'), unit]),
    p90: t('reportsCsvInUnit', [t('reportsColumnP90'), unit]),
    withinTarget: t('reportsCsvWithinTargetPercent'),
    target: t('reportsCsvInUnit', [t('reportsCsvTarget'), unit]),
    firstReplyMedian: t('reportsCsvInUnit', [t('reportsColumnFirstReply'), unit]),
    nextReplyMedian: t('reportsCsvInUnit', [t('reportsColumnNextReply'), unit]),
  };
}

/** One "Reply times" table (per project or per client) with its CSV export. */
export function ReplyTimesTable({ grouping, rows, period, measure, context }: Props) {
  const title = grouping === 'project' ? t('reportsByProject') : t('reportsByClient');
  const target = rows[0]?.target;

  const exportCsv = () =>
    // The byte-order mark makes Excel read the file as UTF-8 (client names are rarely ASCII only).
    downloadText(replyTimesFileName(grouping, period, measure), `\uFEFF${replyTimesCsv(rows, csvHeaders(grouping, measure))}`, 'text/csv;charset=utf-8');

  return (
    <div class="report-table">
      <div class="report-table-head">
        <h3>{title}</h3>
        <button type="button" onClick={exportCsv} aria-label={t('reportsExportCsvOf', title)}>
          {t('reportsExportCsv')}
        </button>
      </div>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">
            {grouping === 'project' ? t('reportsCaptionByProject', context) : t('reportsCaptionByClient', context)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{grouping === 'project' ? t('reportsColumnProject') : t('reportsColumnClient')}</th>
              <th scope="col" class="num">
                {t('reportsColumnEpisodes')}
              </th>
              <th scope="col" class="num">
                {t('reportsColumnMedian')}
              </th>
              <th scope="col" class="num">
                {t('reportsColumnP90')}
              </th>
              <th scope="col" class="num">
                {target === undefined ? t('reportsColumnWithinTarget') : t('reportsColumnWithin', formatMinutes(target))}
              </th>
              <th scope="col" class="num">
                {t('reportsColumnFirstReply')}
              </th>
              <th scope="col" class="num">
                {t('reportsColumnNextReply')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td class="num">{row.episodes}</td>
                <td class="num">{formatMinutes(row.median)}</td>
                <td class="num">{formatMinutes(row.p90)}</td>
                <td class="num">{formatShare(row.withinTarget)}</td>
                <td class="num">{formatMinutes(row.firstReplyMedian)}</td>
                <td class="num">{formatMinutes(row.nextReplyMedian)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
