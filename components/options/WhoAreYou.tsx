/**
 * "Who are you in Worksection?": with the admin key, the person Account Desk
 * writes as (lib/background/acting-as.ts). Asked once after connecting, in
 * options and on the welcome page; a searchable list (an ARIA combobox: type
 * to filter, arrows to move, Enter to choose) of the account's people.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import type { ActingAs, PersonChoice } from '@/lib/acting-as/protocol';
import { askBoth, useAsk } from '../use-ask';
import './who-are-you.css';

/** Long lists are cut here; typing narrows them. */
const SHOWN_MAX = 100;

export function matchesPerson(person: PersonChoice, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [person.name, person.email, person.title ?? '', person.team ?? ''].join(' ').toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function WhoAreYou() {
  const { asked, reload } = useAsk(() => askBoth(ask('acting-as/status', {}), ask('acting-as/people', {})), []);
  const [chosen, setChosen] = useState<ActingAs | null | undefined>(undefined);
  const [changing, setChanging] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);

  const people = asked.state === 'ready' ? asked.value[1] : [];
  const matching = useMemo(() => people.filter((person) => matchesPerson(person, query)), [people, query]);
  const shown = matching.slice(0, SHOWN_MAX);

  const activeId = shown[active] ? `who-person-${shown[active].id}` : undefined;
  // The list scrolls: keep the option the arrows reached in view.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  if (asked.state === 'ready' && !asked.value[0].needed) return null;
  const current = chosen !== undefined ? chosen : asked.state === 'ready' ? asked.value[0].chosen : null;
  const picking = asked.state === 'ready' && (current === null || changing);

  async function choose(person: PersonChoice | undefined) {
    if (!person || saving) return;
    setSaving(true);
    setSaveProblem(null);
    const reply = await ask('acting-as/choose', { userId: person.id });
    setSaving(false);
    if (reply.ok) {
      setChosen(reply.value);
      setChanging(false);
      setQuery('');
    } else {
      setSaveProblem(reply.problem.message);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = shown.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(active + 1, last), ArrowUp: Math.max(active - 1, 0), Home: 0, End: last };
    if (event.key in moves && shown.length > 0) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose(shown[active]);
    } else if (event.key === 'Escape' && current) {
      event.preventDefault();
      setChanging(false);
    }
  }

  const optionId = (person: PersonChoice) => `who-person-${person.id}`;
  return (
    <div class="who-are-you" role="group" aria-labelledby="who-heading">
      <h3 id="who-heading">{t('whoHeading')}</h3>
      <p class="hint">{t('whoExplain')}</p>
      <p class="hint">{t('whoRecommendSignIn')}</p>
      {asked.state === 'loading' && (
        <p class="muted" role="status">
          {t('whoLoading')}
        </p>
      )}
      {asked.state === 'error' && (
        <div class="row">
          {/* Not role=alert: the connection section's alert is the connect outcome. */}
          <p class="error" aria-live="polite">
            {t('whoLoadFailed', asked.problem.message)}
          </p>
          <button type="button" onClick={() => void reload()}>
            {t('whoRetry')}
          </button>
        </div>
      )}
      {current && !changing && (
        <p class="who-chosen">
          <span>{t('whoChosen', [current.name, current.email])}</span>{' '}
          <button type="button" onClick={() => setChanging(true)}>
            {t('whoChange')}
          </button>
        </p>
      )}
      {picking && people.length === 0 && <p class="muted">{t('whoNoPeople')}</p>}
      {picking && people.length > 0 && (
        <div class="who-picker">
          <label for="who-search">{t('whoSearchLabel')}</label>
          <input
            id="who-search"
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls="who-people"
            aria-autocomplete="list"
            aria-describedby="who-count"
            aria-activedescendant={activeId}
            autoComplete="off"
            spellcheck={false}
            placeholder={t('whoSearchPlaceholder')}
            value={query}
            disabled={saving}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <p id="who-count" class="muted" aria-live="polite">
            {matching.length === 0 ? t('whoNoMatch', query.trim()) : t('whoMatches', [shown.length, people.length])}
          </p>
          {shown.length > 0 && (
            <ul id="who-people" role="listbox" aria-label={t('whoListLabel')} aria-busy={saving}>
              {shown.map((person, index) => (
                <li
                  key={person.id}
                  id={optionId(person)}
                  role="option"
                  aria-selected={index === active}
                  class={index === active ? 'active' : ''}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => void choose(person)}
                >
                  <span class="who-name">{person.name}</span> <span class="muted">{person.email}</span>
                  {(person.title || person.team) && <span class="muted"> · {[person.title, person.team].filter(Boolean).join(', ')}</span>}
                  {person.client && <span class="who-client"> ({t('whoClientTeam')})</span>}
                </li>
              ))}
            </ul>
          )}
          <div class="row">
            {saving && (
              <span class="muted" role="status">
                {t('whoSaving')}
              </span>
            )}
            {current && (
              <button type="button" onClick={() => setChanging(false)} disabled={saving}>
                {t('whoKeep', current.name)}
              </button>
            )}
          </div>
          {saveProblem && (
            <p class="error" aria-live="polite">
              {t('whoChooseFailed', saveProblem)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
