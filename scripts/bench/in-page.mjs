// Measurements that run inside a Worksection page, on the DOM as a user sees
// it: Account Desk's hosts are the elements whose tag starts with
// `account-desk-`, and inside their open shadow roots buttons are found by
// their text and regions by their accessible name. Nothing here calls the
// extension's own code, so these survive the content script being
// restructured. Each function is self-contained (it is sent to the page by
// page.evaluate) and rejects after `timeoutMs` instead of waiting forever.

/**
 * From the click on the button labelled `button` until its shadow root shows
 * `expected` elements matching `items` (the picker's templates, the quick-reply
 * list's replies). Resolves to milliseconds; the caller closes what opened.
 */
export async function openUntilListedMs({ button, items, expected, timeoutMs }) {
  const hosts = () => [...document.querySelectorAll('*')].filter((node) => node.localName.startsWith('account-desk-') && node.shadowRoot);
  const buttonIn = (root, text) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent.trim() === text);
  const host = hosts().find((candidate) => buttonIn(candidate.shadowRoot, button));
  if (!host) throw new Error(`no "${button}" button in any account-desk-* shadow root`);
  const root = host.shadowRoot;
  const count = () => root.querySelectorAll(items).length;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (count() >= expected) done(performance.now() - start);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${count()} of ${expected} "${items}" shown ${timeoutMs} ms after "${button}" was clicked`));
    }, timeoutMs);
    const done = (value) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    observer.observe(root, { childList: true, subtree: true });
    buttonIn(root, button).click();
    if (count() >= expected) done(performance.now() - start);
  });
}

/** Closes the template picker openUntilListedMs opened: Escape, then its close button if it is still there. */
export async function closePicker() {
  const root = [...document.querySelectorAll('*')].find((node) => node.localName.startsWith('account-desk-') && node.shadowRoot?.querySelector('[role=dialog]'))?.shadowRoot;
  if (!root) return;
  const dialog = root.querySelector('[role=dialog]');
  dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (root.querySelector('[role=dialog]')) root.querySelector('[role=dialog] header button')?.click();
  await new Promise((resolve) => setTimeout(resolve, 50));
}


/**
 * From the click on "Templates" until the dialog's "Create" button can be
 * pressed, choosing the first template if none is chosen (what a user does
 * first). Resolves to { ms, sawLoadingPeople }; closes the dialog.
 */
export async function createUsableMs({ timeoutMs }) {
  const hosts = () => [...document.querySelectorAll('*')].filter((node) => node.localName.startsWith('account-desk-') && node.shadowRoot);
  const buttonIn = (root, text) => [...root.querySelectorAll('button')].find((button) => button.textContent.trim() === text);
  const host = hosts().find((candidate) => buttonIn(candidate.shadowRoot, 'Templates'));
  if (!host) throw new Error('no "Templates" button in any account-desk-* shadow root');
  const root = host.shadowRoot;
  let sawLoadingPeople = false;
  let chose = false;
  const start = performance.now();
  const ms = await new Promise((resolve, reject) => {
    const check = () => {
      const dialog = root.querySelector('[role=dialog]');
      if (!dialog) return;
      if (/Loading the project.s people/.test(dialog.textContent)) sawLoadingPeople = true;
      const options = dialog.querySelectorAll('[role=option]');
      if (!chose && options.length > 0 && !dialog.querySelector('[role=option][aria-selected=true]')) {
        chose = true;
        options[0].click();
      }
      const create = buttonIn(dialog, 'Create');
      if (create && !create.disabled) done(performance.now() - start);
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      const text = (root.querySelector('[role=dialog]')?.textContent ?? 'no dialog').replace(/\s+/g, ' ').slice(0, 160);
      reject(new Error(`"Create" was not usable ${timeoutMs} ms after "Templates" was clicked; the dialog shows: ${text}`));
    }, timeoutMs);
    const done = (value) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    buttonIn(root, 'Templates').click();
    check();
  });
  root.querySelector('[role=dialog]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (root.querySelector('[role=dialog]')) root.querySelector('[role=dialog] header button')?.click();
  return { ms, sawLoadingPeople };
}

/**
 * Worksection swaps its task list out and in again (`anchorSelector`): the
 * list is removed (Account Desk's hosts leave their place, e.g. for the
 * dock), then a copy is inserted where it was. Resolves to { widget, bar }:
 * milliseconds from the insertion until an account-desk-* host beside the new
 * list shows the "Account time" region (the widget), and one shows the
 * "Account Desk" region (the page bar); null for one that did not within
 * `timeoutMs`, or when the hosts never left their place (nothing to measure).
 */
export async function anchorMountMs({ anchorSelector, timeoutMs }) {
  const old = document.querySelector(anchorSelector);
  if (!old) throw new Error(`the page has no ${anchorSelector}`);
  const regions = { widget: 'Account time', bar: 'Account Desk' };
  const container = old.parentNode;
  const next = old.nextSibling;
  const hosts = () => [...document.querySelectorAll('*')].filter((node) => node.localName.startsWith('account-desk-'));
  const placed = (name) =>
    hosts().some((host) => host.parentNode === container && host.shadowRoot?.querySelector(`[role=region][aria-label="${regions[name]}"]`));
  old.remove();
  // Wait until the hosts have left the list's container (the dock), so that their return is what is measured.
  const leftBy = performance.now() + timeoutMs;
  while (Object.keys(regions).some(placed) && performance.now() < leftBy) await new Promise((resolve) => setTimeout(resolve, 20));
  if (Object.keys(regions).some(placed)) return { widget: null, bar: null, stayed: true };
  const seen = {};
  return new Promise((resolve) => {
    const observed = new Set();
    // A host's shadow root changes unseen by the document's observer: each host's root is observed too.
    const observeHosts = () => {
      for (const host of hosts()) {
        if (host.shadowRoot && !observed.has(host)) {
          observed.add(host);
          observer.observe(host.shadowRoot, { childList: true, subtree: true, attributes: true });
        }
      }
    };
    const check = () => {
      const now = performance.now() - start;
      observeHosts();
      for (const name of Object.keys(regions)) if (!(name in seen) && placed(name)) seen[name] = now;
      if (Object.keys(seen).length === Object.keys(regions).length) finish();
    };
    const observer = new MutationObserver(check);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ widget: seen.widget ?? null, bar: seen.bar ?? null, stayed: false });
    };
    const timer = setTimeout(finish, timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true });
    observeHosts();
    const fresh = old.cloneNode(true);
    const start = performance.now();
    container.insertBefore(fresh, next);
  });
}

/** Text of every account-desk-* host's shadow root, joined: settled when it stops changing. */
export function ourText() {
  return [...document.querySelectorAll('*')]
    .filter((node) => node.localName.startsWith('account-desk-'))
    .map((node) => (node.shadowRoot ?? node).textContent ?? '')
    .join('\n');
}

/**
 * Closes the quick-reply list openUntilListedMs opened, with Escape where a
 * user presses it. The list's code is loaded before the measured openings
 * (the first one), as the button's pointer-over loads it for a user.
 */
export async function closeQuickReplyList() {
  const root = [...document.querySelectorAll('*')].find((node) => node.localName.startsWith('account-desk-') && node.shadowRoot?.querySelector('[role=listbox]'))?.shadowRoot;
  if (!root) throw new Error('no quick-reply list is open');
  // Escape where a user presses it: in the search box, once it has focus (the list's effects have run).
  const search = root.querySelector('[role=combobox]');
  for (let wait = 0; wait < 40 && root.activeElement !== search; wait++) await new Promise((resolve) => setTimeout(resolve, 25));
  search?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  for (let wait = 0; wait < 20 && root.querySelector('[role=listbox]'); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (root.querySelector('[role=listbox]')) throw new Error('Escape did not close the quick-reply list');
}
