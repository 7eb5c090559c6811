import { useState } from 'preact/hooks';
import { accountTimeCsv, type AccountTimeReportRow } from '@/lib/account-time/report';
import { t, tn } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { downloadText } from '../reports/download';
import { useAsk } from '../use-ask';
import { hoursText, LEVEL_COLOURS, moneyText, percentText } from './format';

const MONTH_CHOICES = [3, 6, 12] as const;


/** Reports page: account time per project and month, with shares, costs, a bar chart and CSV export. */
export function AccountTimeReportSection() {
  const [months, setMonths] = useState<number>(6);
  const { asked: load } = useAsk(() => ask('time/report', { months }), [months]);

  const exportCsv = (rows: readonly AccountTimeReportRow[]) => downloadText(`account-time-${new Date().toISOString().slice(0, 10)}.csv`, accountTimeCsv(rows), 'text/csv');

  return (
    <section id="account-time" aria-labelledby="account-time-heading" aria-busy={load.state === 'loading'}>
      <h2 id="account-time-heading">{t('timeRegion')}</h2>
      <p class="hint">{t('timeReportIntro')}</p>
      <div class="report-controls">
        <label>
          {t('timeReportMonths')}{' '}
          <select value={String(months)} onChange={(event) => setMonths(Number(event.currentTarget.value))}>
            {MONTH_CHOICES.map((count) => (
              <option key={count} value={String(count)}>
                {tn('timeReportMonthsChoice', count)}
              </option>
            ))}
          </select>
        </label>
        {load.state === 'ready' && load.value.rows.length > 0 && (
          <button type="button" onClick={() => exportCsv(load.value.rows)}>
            {t('timeReportCsv')}
          </button>
        )}
      </div>
      {load.state === 'loading' && <p class="muted">{t('timeLoading')}</p>}
      {load.state === 'error' && (
        <p role="alert" class="error">
          {t('timeLoadFailed', load.problem.message)}
        </p>
      )}
      {load.state === 'ready' && (
        <>
          {load.value.problem && <p class="error">{t('timeProjectTimeFailed', load.value.problem.message)}</p>}
          {load.value.rows.length === 0 ? (
            <p class="muted">{t('timeReportEmpty')}</p>
          ) : (
            <>
              <ReportChart rows={load.value.rows} />
              <ReportTable rows={load.value.rows} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function ReportTable({ rows }: { rows: readonly AccountTimeReportRow[] }) {
  return (
    <table>
      <caption class="visually-hidden">{t('timeReportCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timeReportProject')}</th>
          <th scope="col">{t('timeReportMonth')}</th>
          <th scope="col">{t('timeReportAccountHours')}</th>
          <th scope="col">{t('timeReportProjectHours')}</th>
          <th scope="col">{t('timeReportShare')}</th>
          <th scope="col">{t('timeCost')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.otherAccount ?? ''} ${row.projectId} ${row.month}`} data-other-account={row.otherAccount}>
            <th scope="row">
              {row.otherAccount ? t('timeReportOtherProject', row.projectId) : row.projectName}
              {row.otherAccount && <div class="muted">{t('timeOtherAccount', row.otherAccount)}</div>}
            </th>
            <td>{row.month}</td>
            <td>{hoursText(row.accountMinutes)}</td>
            <td>{row.share?.kind === 'share' ? hoursText(row.share.projectMinutes) : row.projectMinutes === null ? '—' : hoursText(row.projectMinutes)}</td>
            <td>
              {row.share === null
                ? t('timeShareUnknown')
                : row.share.kind === 'no-project-hours'
                  ? t('timeReportNoProjectHours')
                  : `${percentText(row.share.percent)} (${t(row.share.level === 'green' ? 'timeLevelGreen' : row.share.level === 'amber' ? 'timeLevelAmber' : 'timeLevelRed')})`}
            </td>
            <td>{row.cost === null ? '—' : moneyText(row.cost)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const BAR_HEIGHT = 16;
const LABEL_WIDTH = 220;
const CHART_WIDTH = 640;
/** About what fits in LABEL_WIDTH at 11 px; the table below has the full name. */
const LABEL_CHARS = 34;
const shortLabel = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/** Account hours per project and month as horizontal bars coloured by share; the table is its text alternative. */
function ReportChart({ rows }: { rows: readonly AccountTimeReportRow[] }) {
  const max = Math.max(...rows.map((row) => row.accountMinutes), 1);
  const height = rows.length * (BAR_HEIGHT + 4);
  return (
    <svg role="img" aria-label={t('timeReportChartLabel')} width={CHART_WIDTH} height={height} viewBox={`0 0 ${CHART_WIDTH} ${height}`}>
      {rows.map((row, index) => {
        const y = index * (BAR_HEIGHT + 4);
        const width = Math.max(2, ((CHART_WIDTH - LABEL_WIDTH - 60) * row.accountMinutes) / max);
        const colour = row.share?.kind === 'share' ? LEVEL_COLOURS[row.share.level] : '#7b8794';
        return (
          <g key={`${row.otherAccount ?? ''} ${row.projectId} ${row.month}`}>
            <text x={0} y={y + 12} font-size="11" fill="#1f2933">
              {shortLabel(`${row.month} · ${row.otherAccount ? `${row.otherAccount} · ${t('timeReportOtherProject', row.projectId)}` : row.projectName}`)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx="2" fill={colour} />
            <text x={LABEL_WIDTH + width + 4} y={y + 12} font-size="11" fill="#52606d">
              {`${hoursText(row.accountMinutes)} h`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
