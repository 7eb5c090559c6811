import { useEffect } from 'preact/hooks';
import type { PeriodSummary, ProjectTimeSummary } from '@/lib/account-time/protocol';
import type { ManualEntry } from '@/lib/account-time/types';
import { t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { useAsk } from '../use-ask';
import { clockText, durationAttribute, hoursText, LEVEL_COLOURS, moneyText, percentText } from './format';
import { ManualEntries } from './ManualEntries';
import { Trend } from './Trend';


const REFRESH_MS = 60_000;

type Shown = { summary: ProjectTimeSummary | null; entries: ManualEntry[] };
/**
 * The last answer each project's widget showed on this page: when Worksection
 * swaps the task list (the widget goes to the dock and back), the widget
 * comes back with it at once instead of "Loading…", then refreshes.
 */
const lastShown = new Map<string, Shown>();
const LEVEL_TEXT: Record<'green' | 'amber' | 'red', MessageKey> = { green: 'timeLevelGreen', amber: 'timeLevelAmber', red: 'timeLevelRed' };

interface Props {
  projectId: string;
  origin: string;
  docked: boolean;
}

/** The PM's view of a project's account time: today, week, month, share against the target, cost, trend, manual entries. */
export function ProjectWidget({ projectId, origin, docked }: Props) {
  const key = `${origin}|${projectId}`;
  const { asked, reload } = useAsk(
    async () => {
      const [summary, entries] = await Promise.all([ask('time/project', { origin, projectId }), ask('time/entries', { projectId })]);
      if (!summary.ok) return summary;
      // Manual entries that fail to load don't hide the summary.
      return { ok: true as const, value: { summary: summary.value, entries: entries.ok ? entries.value : [] } };
    },
    [key],
    { answers: lastShown, key },
  );
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  // A null summary: the feature is off, or this page is another account's.
  const load: Exclude<typeof asked, { state: 'ready' }> | { state: 'off' } | { state: 'ready'; summary: ProjectTimeSummary; entries: ManualEntry[] } =
    asked.state !== 'ready' ? asked : asked.value.summary ? { state: 'ready', summary: asked.value.summary, entries: asked.value.entries } : { state: 'off' };

  return (
    <section class={docked ? 'widget docked' : 'widget'} role="region" aria-label={t('timeRegion')} aria-busy={load.state === 'loading'}>
      <h2>{t('timeRegion')}</h2>
      {load.state === 'loading' && <p class="muted">{t('timeLoading')}</p>}
      {load.state === 'off' && <p class="muted">{t('timeOff')}</p>}
      {load.state === 'error' && (
        <p role="alert" class="problem">
          {t('timeLoadFailed', load.problem.message)}
        </p>
      )}
      {load.state === 'ready' && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('timePeriod')}</th>
                <th scope="col">{t('timeAccount')}</th>
                <th scope="col">{t('timeShare', String(load.summary.thresholds.green))}</th>
                <th scope="col">{t('timeCost')}</th>
              </tr>
            </thead>
            <tbody>
              <Row name={t('timeToday')} period={load.summary.today} />
              <Row name={t('timeThisWeek')} period={load.summary.week} />
              <Row name={t('timeThisMonth')} period={load.summary.month} />
            </tbody>
          </table>
          {load.summary.month.otherAccounts?.map(({ host, ms }) => (
            <p key={host} class="muted other-account" data-other-account={host}>
              {t('timeOtherAccountMonth', [clockText(ms), host])}
            </p>
          ))}
          {load.summary.problem && <p class="problem">{t('timeProjectTimeFailed', load.summary.problem.message)}</p>}
          {load.summary.hourlyRate === null && <p class="muted">{t('timeNoRate')}</p>}
          <Trend months={load.summary.trend} />
          <ManualEntries projectId={projectId} today={load.summary.today.firstDay} origin={origin} entries={load.entries} onChanged={() => void reload()} />
        </>
      )}
    </section>
  );
}

function Row({ name, period }: { name: string; period: PeriodSummary }) {
  return (
    <tr data-period={period.kind}>
      <th scope="row">{name}</th>
      <td>
        <time dateTime={durationAttribute(period.accountMs)}>{clockText(period.accountMs)}</time>
      </td>
      <td>
        <ShareCell period={period} />
      </td>
      <td>{period.cost === null ? '—' : moneyText(period.cost)}</td>
    </tr>
  );
}

function ShareCell({ period }: { period: PeriodSummary }) {
  const { share } = period;
  if (share === null) return <span class="muted">{t('timeShareUnknown')}</span>;
  if (share.kind === 'no-project-hours') return <span class="muted">{t('timeNoProjectHours')}</span>;
  return (
    <span class="share" data-level={share.level}>
      <span class="dot" style={{ background: LEVEL_COLOURS[share.level] }} aria-hidden="true" />
      {percentText(share.percent)} <span class="visually-hidden">{t(LEVEL_TEXT[share.level])}</span>
      <span class="muted" aria-hidden="true">
        {' '}
        ({hoursText(share.accountMinutes)} / {hoursText(share.projectMinutes)} h)
      </span>
    </span>
  );
}
