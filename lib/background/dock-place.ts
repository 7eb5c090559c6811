/** Where the user keeps the in-page dock (lib/page/dock.ts): one place for every page, in storage.local. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { ProblemError } from '../problem';
import { isPlainObject } from '../validate';
import { DOCK_CORNERS, type DockCorner, type DockPlace } from '../page/protocol';

const STORAGE_KEY = 'dockPlace';

class DockPlaceProblem extends ProblemError {
  readonly kind = 'invalid-dock-place';
}

function parseDockPlace(value: unknown): DockPlace | null {
  if (!isPlainObject(value) || Object.keys(value).length !== 2) return null;
  const { corner, collapsed } = value;
  return (DOCK_CORNERS as readonly unknown[]).includes(corner) && typeof collapsed === 'boolean' ? { corner: corner as DockCorner, collapsed } : null;
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
