// Shared by the reply badge tests: the extension's real English messages
// behind browser.i18n.getMessage (tests/support/i18n.ts), Worksection pages
// (saved ones, and the simulator's rendered at test time), and waiting
// threads as the background sends them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WaitingThread } from '@/lib/replies/protocol';
import { businessRun } from '@/lib/replies/clock';
import { defaultSettings, type Settings } from '@/lib/settings';
import { englishMessage } from '../../support/i18n';
import { simulatorDemoPages, simulatorPage } from '../../support/simulator-pages';

const root = process.cwd();

export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
}

/** A saved page (tests/fixtures/pages) as its own document. */
export function savedPage(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(root, 'tests/fixtures/pages', name), 'utf8'), 'text/html');
}

/** The simulator's project page (rows over three levels) and a task page, rendered from its page views now. */
export const SIMULATOR = simulatorDemoPages();
export const simulatorProjectPage = (): Document => simulatorPage(SIMULATOR.projectPath);
export const simulatorTaskPage = (): Document => simulatorPage(SIMULATOR.taskPath);

/** Business hours in UTC, Mon–Fri 09:00–18:00, thresholds 10 / 15 / 30. */
export const RULES: Settings = defaultSettings('UTC');

export const MINUTE = 60_000;
/** Wednesday 2025-03-12 11:00 UTC: inside business hours. */
export const NOW = Date.parse('2025-03-12T11:00:00Z');

export function waitingThread(taskId: string, minutes: number, overrides: Partial<WaitingThread> = {}): WaitingThread {
  const waitingSince = NOW - minutes * MINUTE;
  return {
    taskId,
    projectId: '8562',
    projectName: 'Website redesign',
    taskName: `Task ${taskId}`,
    url: `https://demo.worksection.com/project/8562/${taskId}/#com1`,
    client: { id: '5690', name: 'Laura Bennett', email: 'laura.bennett@northwindcoffee.com' },
    waitingSince,
    // What the background computed when it answered; badges recompute it.
    clock: { calendarMinutes: minutes, businessMinutes: minutes, state: 'ok' },
    business: businessRun(overrides.waitingSince ?? waitingSince, NOW, RULES.businessHours),
    ...overrides,
  };
}

export const byTaskId = (...threads: WaitingThread[]) => new Map(threads.map((thread) => [thread.taskId, thread]));

/** The visible pill of a badge host (role="img", in its shadow root). */
export function pill(host: Element | null | undefined): HTMLElement {
  const element = host?.shadowRoot?.querySelector<HTMLElement>('[role="img"]');
  if (!element) throw new Error('no badge pill');
  return element;
}
