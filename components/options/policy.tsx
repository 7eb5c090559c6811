/**
 * The organization's policy in options: which settings it locks, shown the
 * same way everywhere. `<PolicyProvider>` asks the background once (and again
 * when settings change); `<Locked path>` around a setting's controls disables
 * them and says "Set by your organization"; `useLocks()` is for anything else
 * that needs to know. Without a policy (or outside the provider) nothing is
 * locked and everything renders exactly as it would without this file.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask, onPush } from '@/lib/messages';
import { isLocked, isManaged } from '@/lib/policy/policy';
import type { PolicyView } from '@/lib/policy/protocol';

export interface Locks {
  /** The policy as the background shows it; null while loading, or when it could not be asked. */
  view: PolicyView | null;
  /** Whether the setting at `path` (or a group around it) is locked by the organization. */
  locked(path: string): boolean;
  /** Whether the organization gives a value for `path` (locked or not). */
  managed(path: string): boolean;
}

const locksOf = (view: PolicyView | null): Locks => ({
  view,
  locked: (path) => !!view && isLocked(view.locked, path),
  managed: (path) => !!view && isManaged({ settings: {}, managed: view.managed, locked: view.locked }, path),
});

const NO_LOCKS = locksOf(null);
const LocksContext = createContext<Locks>(NO_LOCKS);

export function PolicyProvider({ children }: { children: ComponentChildren }) {
  const [locks, setLocks] = useState<Locks>(NO_LOCKS);
  useEffect(() => {
    let live = true;
    const load = () =>
      void ask('policy/get', {}).then((reply) => {
        // Not answered: nothing is shown locked; the background still refuses a locked change.
        if (live && reply.ok) setLocks(locksOf(reply.value));
      });
    load();
    // A new policy reaches the pages as a settings change.
    const stop = onPush((push) => push.type === 'push/settings-changed' && load());
    return () => {
      live = false;
      stop();
    };
  }, []);
  return <LocksContext.Provider value={locks}>{children}</LocksContext.Provider>;
}

export function useLocks(): Locks {
  return useContext(LocksContext);
}

const CONTROLS = 'input, select, textarea, button';

/**
 * A setting's controls (`path`: one settings path, or several when the
 * controls hold more than one). Locked: a disabled fieldset (the browser
 * disables every control in it, whatever the controls' own props say) named
 * and followed by "Set by your organization", which each control also gets as
 * its accessible description. Not locked: the children as they are.
 */
export function Locked({ path, children }: { path: string | readonly string[]; children: ComponentChildren }) {
  const locks = useLocks();
  const noteId = `locked-${useId()}`;
  const group = useRef<HTMLFieldSetElement>(null);
  const locked = [path].flat().some((one) => locks.locked(one));

  // The controls are the children's own elements: their description is added to
  // whatever the children set, after every render (Preact may have just rewritten it).
  useLayoutEffect(() => {
    if (!locked || !group.current) return;
    for (const control of group.current.querySelectorAll<HTMLElement>(CONTROLS)) {
      const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      if (!ids.includes(noteId)) control.setAttribute('aria-describedby', [...ids, noteId].join(' '));
    }
  });

  if (!locked) return <>{children}</>;
  return (
    <fieldset ref={group} class="locked-setting" disabled aria-labelledby={noteId} data-setting={[path].flat().join(' ')}>
      {children}
      <p id={noteId} class="hint locked-note">
        {t('policyLockedNote')}
      </p>
    </fieldset>
  );
}

/** Diagnostics: whether a policy is present, what it sets and locks, and what was wrong with it. */
export function PolicyPanel() {
  const { view } = useLocks();
  if (!view) return null;
  const list = (paths: string[]) => (paths.length > 0 ? paths.join(', ') : t('policyNothing'));
  return (
    <div class="policy-panel" role="group" aria-labelledby="policy-heading">
      <h3 id="policy-heading">{t('policyHeading')}</h3>
      {!view.present && <p class="muted">{t('policyNone')}</p>}
      {view.present && (
        <>
          <p>{t('policyPresent')}</p>
          <ul>
            {view.accountUrl && <li>{t('policyAccountUrl', view.accountUrl)}</li>}
            {view.oauthClientId && (
              <li>{t('policyOAuthClientId', [view.oauthClientId, view.oauthClientSecret ? t('policySecretGiven') : t('policySecretMissing')])}</li>
            )}
            {view.language && <li>{t('policyLanguage', view.language)}</li>}
            <li>{t('policyManaged', list(view.managed))}</li>
            <li>{t('policyLocked', list(view.locked))}</li>
          </ul>
        </>
      )}
      {view.problems.length > 0 && (
        <div class="error problems">
          <p>{t('policyProblemsHeading')}</p>
          <ul>
            {view.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
