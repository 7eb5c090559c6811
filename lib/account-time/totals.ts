// Account time in a period: sessions clipped to it (a session across midnight
// counts on both days), plus manual entries whose day is in it.
import type { ManualEntry, Session } from './types';
import type { Period } from './periods';

/** Milliseconds of `sessions` inside [from, to). */
export function sessionMs(sessions: Iterable<Pick<Session, 'start' | 'end'>>, from: number, to: number): number {
  let total = 0;
  for (const { start, end } of sessions) {
    const overlap = Math.min(end, to) - Math.max(start, from);
    if (overlap > 0) total += overlap;
  }
  return total;
}

export function manualMs(entries: Iterable<Pick<ManualEntry, 'date' | 'minutes'>>, period: Pick<Period, 'firstDay' | 'lastDay'>): number {
  let total = 0;
  for (const { date, minutes } of entries) {
    if (date >= period.firstDay && date <= period.lastDay) total += minutes * 60_000;
  }
  return total;
}

export interface ProjectAccountTime {
  projectId: string;
  sessionMs: number;
  manualMs: number;
  totalMs: number;
}

/** Account time per project in `period`, largest first. */
export function perProject(sessions: Iterable<Session>, entries: Iterable<ManualEntry>, period: Period): ProjectAccountTime[] {
  const byProject = new Map<string, ProjectAccountTime>();
  const row = (projectId: string) => {
    let found = byProject.get(projectId);
    if (!found) byProject.set(projectId, (found = { projectId, sessionMs: 0, manualMs: 0, totalMs: 0 }));
    return found;
  };
  for (const session of sessions) {
    const ms = sessionMs([session], period.from, period.to);
    if (ms > 0) row(session.projectId).sessionMs += ms;
  }
  for (const entry of entries) {
    const ms = manualMs([entry], period);
    if (ms > 0) row(entry.projectId).manualMs += ms;
  }
  const rows = [...byProject.values()];
  for (const item of rows) item.totalMs = item.sessionMs + item.manualMs;
  return rows.sort((a, b) => b.totalMs - a.totalMs || a.projectId.localeCompare(b.projectId));
}
