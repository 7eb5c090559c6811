import type { PeriodSummary } from '@/lib/account-time/protocol';
import { formatMonth } from '@/lib/format';
import { t } from '@/lib/i18n';
import { hoursText, LEVEL_COLOURS, percentText } from './format';

const WIDTH = 180;
const HEIGHT = 48;
const GAP = 6;

/** One month of the trend, as a sentence for the text alternative. */
export function monthSentence(month: PeriodSummary): string {
  const hours = hoursText(month.accountMs / 60_000);
  if (month.share?.kind === 'share') return t('timeTrendMonthShare', [formatMonth(month.label), hours, percentText(month.share.percent)]);
  return t('timeTrendMonth', [formatMonth(month.label), hours]);
}

/** Six months of account hours as small bars, coloured by share; the text alternative lists every month. */
export function Trend({ months }: { months: PeriodSummary[] }) {
  const max = Math.max(...months.map((month) => month.accountMs), 1);
  const barWidth = (WIDTH - GAP * (months.length - 1)) / Math.max(months.length, 1);
  const description = months.map(monthSentence).join('; ');
  return (
    <figure class="trend">
      <svg role="img" width={WIDTH} height={HEIGHT + 14} viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`} aria-label={t('timeTrendLabel')} aria-describedby="account-time-trend-text">
        {months.map((month, index) => {
          const height = Math.max(month.accountMs > 0 ? 2 : 0, (month.accountMs / max) * HEIGHT);
          const level = month.share?.kind === 'share' ? month.share.level : undefined;
          const x = index * (barWidth + GAP);
          return (
            <g key={month.label}>
              <rect x={x} y={HEIGHT - height} width={barWidth} height={height} rx="2" fill={level ? LEVEL_COLOURS[level] : '#7b8794'} />
              <text x={x + barWidth / 2} y={HEIGHT + 11} text-anchor="middle" font-size="9" fill="#52606d">
                {month.label.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="account-time-trend-text" class="visually-hidden">
        {description}
      </figcaption>
    </figure>
  );
}
