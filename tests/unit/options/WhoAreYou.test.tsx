// @vitest-environment happy-dom
// "Who are you in Worksection?": loading, empty and error states, keyboard choice, a refused choice, and nothing for a signed-in person.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WhoAreYou, matchesPerson } from '@/components/options/WhoAreYou';
import type { ActingAs, PersonChoice } from '@/lib/acting-as/protocol';
import type { Result } from '@/lib/messages';
import { button, byLabel, extensionPageContext, mount, press, type, type BackgroundOverrides } from './page-support';

const ORIGIN = 'https://demo.worksection.com';
const PEOPLE: PersonChoice[] = [
  { id: '3', name: 'Maria Kovalenko', email: 'maria@demo.test', title: 'Account manager', team: 'Agency', client: false },
  { id: '4', name: 'Ivan Petrenko', email: 'ivan@demo.test', team: 'Agency', client: false },
  { id: '9', name: 'Laura Bennett', email: 'laura@client.test', team: 'Northwind', client: true },
];
const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const failed = (message: string): Promise<Result<never>> => Promise.resolve({ ok: false, problem: { kind: 'failed', message } });
const needed = (chosen: ActingAs | null = null): BackgroundOverrides['acting-as/status'] => () => ok({ needed: true, chosen });
const chosenAs = (person: PersonChoice): ActingAs => ({ origin: ORIGIN, userId: person.id, email: person.email, name: person.name, chosenAt: 1 });

function key(element: HTMLElement, name: string): void {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}

describe('WhoAreYou', () => {
  let unmount = () => {};
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    unmount();
    vi.restoreAllMocks();
  });

  function render(overrides: BackgroundOverrides) {
    extensionPageContext(overrides);
    const mounted = mount(<WhoAreYou />);
    unmount = mounted.unmount;
    return mounted.container;
  }

  it('shows nothing when Account Desk is signed in as a person (no admin key)', async () => {
    const asked = vi.fn(() => ok(PEOPLE));
    const container = render({ 'acting-as/status': () => ok({ needed: false, chosen: null }), 'acting-as/people': asked });
    await vi.waitFor(() => expect(asked).toHaveBeenCalled());
    await vi.waitFor(() => expect(container.textContent).toBe(''));
  });

  it('says it is loading, then lists the people; keyboard moves and Enter chooses', async () => {
    let answer: ((people: Result<PersonChoice[]>) => void) | undefined;
    const choose = vi.fn((request: { userId: string }) => ok(chosenAs(PEOPLE.find((person) => person.id === request.userId)!)));
    const container = render({
      'acting-as/status': needed(),
      'acting-as/people': () => new Promise((resolve) => (answer = resolve)),
      'acting-as/choose': choose,
    });
    await vi.waitFor(() => expect(container.querySelector('[role=status]')?.textContent).toBe("Loading the account's people…"));
    expect(container.querySelector('h3')?.textContent).toBe('Who are you in Worksection?');
    expect(container.textContent).toContain('The admin API key opens the whole account');
    await vi.waitFor(() => expect(answer).toBeDefined());
    await act(async () => answer!({ ok: true, value: PEOPLE }));

    await vi.waitFor(() => expect(container.querySelectorAll('[role=option]')).toHaveLength(3));
    const search = byLabel(container, 'Find yourself');
    expect(container.querySelector('#who-count')?.textContent).toBe('3 of 3 people shown.');
    expect(container.querySelectorAll('[role=option]')[2]!.textContent).toContain('(client team)');
    type(search, 'agency');
    expect([...container.querySelectorAll('[role=option]')].map((option) => option.id)).toEqual(['who-person-3', 'who-person-4']);
    expect(search.getAttribute('aria-activedescendant')).toBe('who-person-3');
    key(search, 'ArrowDown');
    expect(search.getAttribute('aria-activedescendant')).toBe('who-person-4');
    expect(container.querySelector('#who-person-4')?.getAttribute('aria-selected')).toBe('true');
    key(search, 'ArrowDown'); // stays on the last
    expect(search.getAttribute('aria-activedescendant')).toBe('who-person-4');
    key(search, 'Home');
    key(search, 'End');
    key(search, 'Enter');
    await vi.waitFor(() => expect(container.textContent).toContain('Account Desk writes as Ivan Petrenko (ivan@demo.test).'));
    expect(choose).toHaveBeenCalledWith({ userId: '4' });
    expect(container.querySelector('[role=listbox]')).toBeNull();
  });

  it('says when nobody matches the search', async () => {
    const container = render({ 'acting-as/status': needed(), 'acting-as/people': () => ok(PEOPLE) });
    await vi.waitFor(() => expect(container.querySelectorAll('[role=option]')).toHaveLength(3));
    type(byLabel(container, 'Find yourself'), 'zelda');
    expect(container.querySelector('#who-count')?.textContent).toBe('Nobody matches "zelda".');
    expect(container.querySelector('[role=listbox]')).toBeNull();
  });

  it('says when the account has nobody to choose', async () => {
    const container = render({ 'acting-as/status': needed(), 'acting-as/people': () => ok([]) });
    await vi.waitFor(() => expect(container.textContent).toContain('This account has no users with an email address to choose from.'));
    expect(container.querySelector('[role=combobox]')).toBeNull();
  });

  it('says why the people could not be loaded, and Try again loads them', async () => {
    let fail = true;
    const container = render({
      'acting-as/status': needed(),
      'acting-as/people': () => (fail ? failed('Could not reach demo.worksection.com for get_users.') : ok(PEOPLE)),
    });
    await vi.waitFor(() =>
      expect(container.querySelector('.error')?.textContent).toBe("Could not load the account's people: Could not reach demo.worksection.com for get_users."),
    );
    fail = false;
    press(button(container, 'Try again'));
    await vi.waitFor(() => expect(container.querySelectorAll('[role=option]')).toHaveLength(3));
    expect(container.querySelector('.error')).toBeNull();
  });

  it('a refused choice says why and keeps the person chosen before; Change and Escape go back and forth', async () => {
    const container = render({
      'acting-as/status': needed(chosenAs(PEOPLE[0]!)),
      'acting-as/people': () => ok(PEOPLE),
      'acting-as/choose': () => failed('demo.worksection.com has no user with id 4: reload the list and choose again.'),
    });
    await vi.waitFor(() => expect(container.textContent).toContain('Account Desk writes as Maria Kovalenko (maria@demo.test).'));
    press(button(container, 'Change'));
    const search = byLabel(container, 'Find yourself');
    key(search, 'Escape');
    expect(container.querySelector('[role=combobox]')).toBeNull();
    press(button(container, 'Change'));
    press(container.querySelector<HTMLElement>('#who-person-4')!);
    await vi.waitFor(() =>
      expect(container.querySelector('.error')?.textContent).toBe('Could not save your choice: demo.worksection.com has no user with id 4: reload the list and choose again.'),
    );
    press(button(container, 'Keep Maria Kovalenko'));
    expect(container.textContent).toContain('Account Desk writes as Maria Kovalenko (maria@demo.test).');
  });

  it('searches every word across name, email, title and team', () => {
    expect(matchesPerson(PEOPLE[0]!, 'maria account')).toBe(true);
    expect(matchesPerson(PEOPLE[0]!, 'MARIA@DEMO')).toBe(true);
    expect(matchesPerson(PEOPLE[0]!, 'maria northwind')).toBe(false);
    expect(matchesPerson(PEOPLE[2]!, '  ')).toBe(true);
  });
});
