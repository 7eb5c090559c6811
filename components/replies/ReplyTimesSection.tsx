import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime, formatDay } from '@/lib/format';
import { t, type MessageKey } from '@/lib/i18n';
import { ask, onPush } from '@/lib/messages';
import type { ReplyTimesReport, SyncStatus } from '@/lib/replies/protocol';
import type { ReplyMeasure } from '@/lib/replies/report';
import { formatMinutes } from './reply-times-table';
import { ReplyTimesTable } from './ReplyTimesTable';
import {
  PERIOD_KINDS,
  periodRange,
  readReportView,
  reportViewQuery,
  type Period,
  type PeriodKind,
  type PeriodProblem,
  type ReportView,
} from '../reports/period';

interface LoadedReport {
  report: ReplyTimesReport;
  period: Period;
  measure: ReplyMeasure;
  /** The view it answers (period choice, measure, zone): a refresh of the same view keeps it on screen meanwhile. */
  viewKey: string;
}

const PERIOD_LABELS: Record<PeriodKind, MessageKey> = {
  'this-week': 'reportsPeriodThisWeek',
  'last-7-days': 'reportsPeriodLast7Days',
  'this-month': 'reportsPeriodThisMonth',
  'last-30-days': 'reportsPeriodLast30Days',
  custom: 'reportsPeriodCustom',
};

const PERIOD_PROBLEMS: Record<PeriodProblem, MessageKey> = {
  'first-day-invalid': 'reportsPeriodFirstDayInvalid',
  'last-day-invalid': 'reportsPeriodLastDayInvalid',
  'last-before-first': 'reportsPeriodLastBeforeFirst',
};

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';


const periodText = (period: Period) =>
  period.firstDay === period.lastDay ? formatDay(period.firstDay) : `${formatDay(period.firstDay)} – ${formatDay(period.lastDay)}`;

function SyncNote({ status }: { status: SyncStatus | undefined }) {
  if (!status) return null;
  switch (status.phase) {
    case 'not-connected':
      return (
        <p class="muted">
          {t('reportsNotConnected')} <a href="options.html#connection">{t('reportsConnectLink')}</a>
        </p>
      );
    case 'never':
    case 'syncing':
      return <p class="muted">{t('reportsSyncRunning')}</p>;
    case 'problem':
      return <p class="error">{t('reportsSyncProblem', status.problem?.message ?? '')}</p>;
    case 'ok':
      return status.lastSyncAt ? <p class="muted">{t('reportsSyncedAt', formatDateTime(status.lastSyncAt))}</p> : null;
  }
}

/** "Reply times": how fast clients were answered in a period, per project and per client. */
export function ReplyTimesSection() {
  const [view, setView] = useState<ReportView>(() => readReportView(location.search));
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const [syncStatus, setSyncStatus] = useState<SyncStatus | undefined>(undefined);
  const [loaded, setLoaded] = useState<LoadedReport | undefined>(undefined);
  const [pending, setPending] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  // Answers to earlier requests may arrive after later ones: only the latest is shown.
  const latest = useRef(0);

  useEffect(() => {
    void ask('settings/get', {}).then((reply) => {
      if (reply.ok) setTimeZone(reply.value.businessHours.timeZone);
      else {
        setSettingsProblem(reply.problem.message);
        setTimeZone(browserTimeZone());
      }
    });
  }, []);

  useEffect(() => {
    void ask('replies/queue', {}).then((reply) => setSyncStatus(reply.ok ? reply.value.status : undefined));
  }, [refreshes]);

  // A sync that brought new replies is announced: the report follows without a click.
  useEffect(() => onPush(() => setRefreshes((count) => count + 1)), []);

  const range = timeZone === undefined ? undefined : periodRange(view.choice, Date.now(), timeZone);
  const viewKey = `${reportViewQuery(view)}|${timeZone}`;

  useEffect(() => {
    history.replaceState(null, '', reportViewQuery(view));
    if (!range?.ok) return;
    const request = ++latest.current;
    const { period } = range;
    const { measure } = view;
    setPending(true);
    void ask('reports/reply-times', { from: period.from, to: period.to, measure }).then((reply) => {
      if (request !== latest.current) return;
      setPending(false);
      setFailure(reply.ok ? null : reply.problem.message);
      setLoaded(reply.ok ? { report: reply.value, period, measure, viewKey } : undefined);
    });
    // The range is derived from view and timeZone; its instants change only with them (or a refresh).
  }, [view, timeZone, refreshes]);

  const onPeriodKind = (kind: PeriodKind) => {
    if (kind !== 'custom') setView({ ...view, choice: { kind } });
    // Custom starts from the days shown, which the user then adjusts.
    else if (range?.ok) setView({ ...view, choice: { kind, firstDay: range.period.firstDay, lastDay: range.period.lastDay } });
    else setView({ ...view, choice: { kind, firstDay: '', lastDay: '' } });
  };
  const onCustomDay = (which: 'firstDay' | 'lastDay', value: string) => {
    if (view.choice.kind === 'custom') setView({ ...view, choice: { ...view.choice, [which]: value } });
  };

  // Tables answer the view on screen only; while another view loads, "Loading…" stands in.
  const shown = loaded?.viewKey === viewKey ? loaded : undefined;
  const measureText = (measure: ReplyMeasure) => (measure === 'business' ? t('reportsMeasureBusiness') : t('reportsMeasureCalendar'));
  const unitText = (measure: ReplyMeasure) => (measure === 'business' ? t('reportsUnitBusinessMinutes') : t('reportsUnitCalendarMinutes'));
  const empty = shown && shown.report.byProject.length === 0 && shown.report.byClient.length === 0;
  const target = shown?.report.byProject[0]?.target;

  return (
    <section id="reply-times" aria-labelledby="reply-times-heading">
      <h2 id="reply-times-heading">{t('reportsReplyTimesHeading')}</h2>
      <p class="hint">{t('reportsReplyTimesIntro')}</p>
      <SyncNote status={syncStatus} />
      {settingsProblem && (
        <p role="alert" class="error">
          {t('loadFailed', settingsProblem)}
        </p>
      )}

      <div class="report-controls">
        <div>
          <label for="report-period">{t('reportsPeriodLabel')}</label>
          <select id="report-period" value={view.choice.kind} onChange={(event) => onPeriodKind(event.currentTarget.value as PeriodKind)}>
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(PERIOD_LABELS[kind])}
              </option>
            ))}
          </select>
        </div>
        {view.choice.kind === 'custom' && (
          <>
            <div>
              <label for="report-from">{t('reportsFromLabel')}</label>
              <input
                id="report-from"
                type="date"
                class="date"
                value={view.choice.firstDay}
                onChange={(event) => onCustomDay('firstDay', event.currentTarget.value)}
              />
            </div>
            <div>
              <label for="report-to">{t('reportsToLabel')}</label>
              <input
                id="report-to"
                type="date"
                class="date"
                value={view.choice.lastDay}
                onChange={(event) => onCustomDay('lastDay', event.currentTarget.value)}
              />
            </div>
          </>
        )}
        <fieldset class="segmented">
          <legend>{t('reportsMeasureLabel')}</legend>
          {(['calendar', 'business'] as const).map((measure) => (
            <label key={measure} class="check">
              <input
                type="radio"
                name="report-measure"
                value={measure}
                checked={view.measure === measure}
                onChange={() => setView({ ...view, measure })}
              />
              {measureText(measure)}
            </label>
          ))}
        </fieldset>
        <div class="report-refresh">
          <button type="button" onClick={() => setRefreshes((count) => count + 1)}>
            {t('reportsRefresh')}
          </button>
        </div>
      </div>

      {range && !range.ok && (
        <p role="alert" class="error">
          {t(PERIOD_PROBLEMS[range.problem])}
        </p>
      )}
      {range?.ok && (
        <p class="report-summary">
          {t('reportsPeriodSummary', [periodText(range.period), range.period.timeZone])}
          {target !== undefined && <> · {t('reportsTargetSummary', formatMinutes(target))}</>}
        </p>
      )}

      {/* An unusable custom period shows its problem only, not the last report under the new dates. */}
      <div aria-live="polite" aria-busy={pending} hidden={range !== undefined && !range.ok}>
        {pending && !shown && !failure && (
          <p role="status" class="muted">
            {t('reportsLoading')}
          </p>
        )}
        {failure && !pending && (
          <p role="alert" class="error">
            {t('reportsLoadFailed', failure)}
          </p>
        )}
        {empty && (
          <p role="status" class="empty-state">
            {t('reportsEmpty')}
          </p>
        )}
        {shown && !empty && (
          <>
            <ReplyTimesTable
              grouping="project"
              rows={shown.report.byProject}
              period={shown.period}
              measure={shown.measure}
              context={`${periodText(shown.period)}, ${unitText(shown.measure)}`}
            />
            <ReplyTimesTable
              grouping="client"
              rows={shown.report.byClient}
              period={shown.period}
              measure={shown.measure}
              context={`${periodText(shown.period)}, ${unitText(shown.measure)}`}
            />
          </>
        )}
      </div>
    </section>
  );
}
