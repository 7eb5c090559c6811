/** Where the user keeps the in-page dock (lib/page/dock.ts): one place for every page, in storage.local. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { ProblemError } from '../problem';
import { isPlainObject } from '../validate';
import type { DockCorner, DockPlace } from '../page/protocol';

const STORAGE_KEY = 'dockPlace';
const CORNERS: readonly DockCorner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

class DockPlaceProblem extends ProblemError {
  readonly kind = 'invalid-dock-place';
}

function parseDockPlace(value: unknown): DockPlace | null {
  if (!isPlainObject(value) || Object.keys(value).length !== 2) return null;
  const { corner, collapsed } = value;
  return CORNERS.includes(corner as DockCorner) && typeof collapsed === 'boolean' ? { corner: corner as DockCorner, collapsed } : null;
}

export async function keptDockPlace(): Promise<DockPlace | null> {
  const { [STORAGE_KEY]: kept } = await browser.storage.local.get(STORAGE_KEY);
  return parseDockPlace(kept);
}

/** Keeps `place` (sent by a page: checked whole, nothing else is stored). */
export async function keepDockPlace(place: unknown): Promise<DockPlace> {
  const parsed = parseDockPlace(place);
  if (!parsed) throw new DockPlaceProblem(t('dockPlaceInvalid'));
  await browser.storage.local.set({ [STORAGE_KEY]: parsed });
  return parsed;
}
