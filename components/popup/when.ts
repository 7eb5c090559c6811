import { t } from '@/lib/i18n';

/** "at 14:05" today, "on 12 Mar 2025, 14:05" another day, in the browser's locale and zone. */
export function formatWhen(at: number, now: number): string {
  const instant = new Date(at);
  const sameDay = new Date(now).toDateString() === instant.toDateString();
  if (sameDay) return t('queueTimeToday', instant.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }));
  return t('queueTimeOnDay', instant.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}
