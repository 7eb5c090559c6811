import { t } from '@/lib/i18n';
import { formatDateTime, formatTime } from '@/lib/format';

/** "at 14:05" today, "on 12 Mar 2025, 14:05" another day, in the chosen language, in the browser's zone. */
export function formatWhen(at: number, now: number): string {
  const instant = new Date(at);
  const sameDay = new Date(now).toDateString() === instant.toDateString();
  if (sameDay) return t('queueTimeToday', formatTime(instant));
  return t('queueTimeOnDay', formatDateTime(instant));
}
