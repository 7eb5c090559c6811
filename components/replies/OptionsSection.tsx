import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { problemText as inputProblemText } from '@/lib/problem-text';
import { mergeSettings, SETTINGS_LIMITS, type Settings } from '@/lib/settings';
import { downloadText } from '../reports/download';
import { MAX_SETTINGS_FILE_BYTES, readSettingsFile, settingsFileName, settingsFileText } from '../options/settings-file';
import { Locked } from '../options/policy';
import { draftFromSettings, fieldProblem, inFormOrder, patchFromDraft, type FieldProblem, type RepliesDraft, type RepliesField } from '../options/settings-form';

type Outcome =
  | { kind: 'saved' }
  | { kind: 'imported'; fileName: string }
  | { kind: 'exported'; fileName: string }
  | { kind: 'refused'; heading: string; problems: FieldProblem[] };

const WEEKDAYS: ReadonlyArray<{ day: number; label: MessageKey }> = [
  { day: 1, label: 'settingsMonday' },
  { day: 2, label: 'settingsTuesday' },
  { day: 3, label: 'settingsWednesday' },
  { day: 4, label: 'settingsThursday' },
  { day: 5, label: 'settingsFriday' },
  { day: 6, label: 'settingsSaturday' },
  { day: 7, label: 'settingsSunday' },
];

/** Every IANA zone this browser knows (what the settings validator accepts), for the time zone field's suggestions. */
function knownTimeZones(): string[] {
  const zones = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  return [...zones].sort();
}

/** The setting each switch holds (what a policy locks it by). */
const SWITCH_PATHS = { replyBadges: 'features.replyBadges', notifyLate: 'notifications.late', notifyEscalated: 'notifications.escalated' } as const;

/** "Field label: problem" for the alert's list. */
const problemText = (problem: FieldProblem) => (problem.label ? `${t(problem.label)}: ${problem.detail}` : problem.detail);

/** Reply badge settings: switches, thresholds, business hours, who counts as a client, polling; export and import. */
export function RepliesSection() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<RepliesDraft | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const timeZones = useMemo(knownTimeZones, []);

  useEffect(() => {
    void ask('settings/get', {}).then((reply) => {
      if (!reply.ok) return setLoadProblem(reply.problem.message);
      setSaved(reply.value);
      setDraft(draftFromSettings(reply.value));
    });
  }, []);

  const invalid = new Set(outcome?.kind === 'refused' ? outcome.problems.flatMap((problem) => (problem.field ? [problem.field] : [])) : []);

  // After a refused save, keyboard users land on the first field to fix.
  useEffect(() => {
    if (outcome?.kind !== 'refused') return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [outcome]);

  const update = <K extends RepliesField>(field: K, value: RepliesDraft[K]) => {
    setDraft((current) => current && { ...current, [field]: value });
    // A "Saved" that no longer describes the form would mislead; problems stay until the next save.
    setOutcome((current) => (current?.kind === 'refused' ? current : null));
  };

  const toggleWorkDay = (day: number, working: boolean) => {
    setDraft((current) => current && { ...current, workDays: working ? [...new Set([...current.workDays, day])] : current.workDays.filter((other) => other !== day) });
    setOutcome((current) => (current?.kind === 'refused' ? current : null));
  };

  const showSaved = (settings: Settings, next: Outcome) => {
    setSaved(settings);
    setDraft(draftFromSettings(settings));
    setOutcome(next);
  };

  async function onSave(event: Event) {
    event.preventDefault();
    if (!draft || !saved) return;
    const patch = patchFromDraft(draft);
    setBusy(true);
    const reply = await ask('settings/save', { patch });
    setBusy(false);
    if (reply.ok) return showSaved(reply.value, { kind: 'saved' });
    // The background validated with lib/settings; the same check here gives the problems one by one.
    const local = mergeSettings(saved, patch);
    setOutcome({
      kind: 'refused',
      heading: t('settingsNotSaved'),
      problems: local.ok ? [{ detail: reply.problem.message }] : inFormOrder(local.problems.map(fieldProblem)),
    });
  }

  async function onExport() {
    const reply = await ask('settings/get', {});
    if (!reply.ok) return setOutcome({ kind: 'refused', heading: t('settingsExportFailed'), problems: [{ detail: reply.problem.message }] });
    const fileName = settingsFileName(new Date());
    downloadText(fileName, settingsFileText(reply.value), 'application/json');
    setOutcome({ kind: 'exported', fileName });
  }

  async function onImportFile(event: JSX.TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Choosing the same file again must fire change again.
    input.value = '';
    if (!file) return;
    // Problems keep the file's own paths ("replyThresholds.late: …"): they point into the JSON, not at the form.
    const refuse = (problems: string[]) =>
      setOutcome({ kind: 'refused', heading: t('settingsNotImported', file.name), problems: problems.map((detail) => ({ detail })) });
    if (file.size > MAX_SETTINGS_FILE_BYTES) return refuse([t('settingsFileTooLarge', [file.size, MAX_SETTINGS_FILE_BYTES])]);
    const parsed = readSettingsFile(await file.text());
    if (!parsed.ok) return refuse(parsed.problems.map(inputProblemText));
    setBusy(true);
    const reply = await ask('settings/save', { patch: parsed.settings });
    setBusy(false);
    if (!reply.ok) return refuse([reply.problem.message]);
    showSaved(reply.value, { kind: 'imported', fileName: file.name });
  }

  /** Props shared by every text-like field: id, value, change handler, validity. */
  const textField = (field: Exclude<RepliesField, 'workDays' | 'replyBadges' | 'notifyLate' | 'notifyEscalated'>) => ({
    id: `settings-${field}`,
    name: field,
    value: draft?.[field] ?? '',
    'aria-invalid': invalid.has(field) ? ('true' as const) : undefined,
    onInput: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => update(field, event.currentTarget.value),
  });

  const toggle = (field: 'replyBadges' | 'notifyLate' | 'notifyEscalated', label: MessageKey, hint?: MessageKey) => (
    <Locked path={SWITCH_PATHS[field]}>
      <div class="switch-row">
        <label class="check">
          <input
            type="checkbox"
            role="switch"
            id={`settings-${field}`}
            checked={draft?.[field] ?? false}
            aria-describedby={hint ? `settings-${field}-hint` : undefined}
            onChange={(event) => update(field, event.currentTarget.checked)}
          />
          {t(label)}
        </label>
        {hint && (
          <p id={`settings-${field}-hint`} class="hint">
            {t(hint)}
          </p>
        )}
      </div>
    </Locked>
  );

  return (
    <section id="replies" aria-labelledby="replies-heading">
      <h2 id="replies-heading">{t('settingsRepliesHeading')}</h2>
      <p class="hint">{t('settingsRepliesIntro')}</p>
      {loadProblem && (
        <p role="alert" class="error">
          {t('loadFailed', loadProblem)}
        </p>
      )}
      {!draft && !loadProblem && <p class="muted">{t('barLoading')}</p>}
      {draft && (
        <form ref={form} onSubmit={onSave} aria-busy={busy} noValidate class="settings-form">
          <fieldset>
            <legend>{t('settingsSwitchesLegend')}</legend>
            {toggle('replyBadges', 'settingsReplyBadgesLabel', 'settingsReplyBadgesHint')}
            {toggle('notifyLate', 'settingsNotifyLateLabel')}
            {toggle('notifyEscalated', 'settingsNotifyEscalatedLabel')}
          </fieldset>

          <fieldset>
            <legend>{t('settingsThresholdsLegend')}</legend>
            <p id="settings-thresholds-hint" class="hint">
              {t('settingsThresholdsHint')}
            </p>
            <div class="field-grid">
              {(
                [
                  ['soon', 'settingsSoonLabel'],
                  ['late', 'settingsLateLabel'],
                  ['escalated', 'settingsEscalatedLabel'],
                ] as const
              ).map(([field, label]) => (
                <Locked key={field} path={`replyThresholds.${field}`}>
                  <div>
                    <label for={`settings-${field}`}>{t(label)}</label>
                    <input {...textField(field)} type="number" class="short" min={1} step={1} inputMode="numeric" aria-describedby="settings-thresholds-hint" />
                  </div>
                </Locked>
              ))}
            </div>
          </fieldset>

          <Locked path="account.timeZone">
            <label for="settings-accountTimeZone">{t('settingsAccountTimeZoneLabel')}</label>
            <input
              {...textField('accountTimeZone')}
              type="text"
              list="settings-time-zones"
              autoComplete="off"
              spellcheck={false}
              aria-describedby="settings-accountTimeZone-hint"
            />
            <p id="settings-accountTimeZone-hint" class="hint">
              {t('settingsAccountTimeZoneHint')}
            </p>
          </Locked>

          <fieldset>
            <legend>{t('settingsHoursLegend')}</legend>
            <p class="hint">{t('settingsHoursHint')}</p>
            <Locked path="businessHours.timeZone">
              <label for="settings-timeZone">{t('settingsTimeZoneLabel')}</label>
              <input {...textField('timeZone')} type="text" list="settings-time-zones" autoComplete="off" spellcheck={false} aria-describedby="settings-timeZone-hint" />
              <datalist id="settings-time-zones">
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <p id="settings-timeZone-hint" class="hint">
                {t('settingsTimeZoneHint')}
              </p>
            </Locked>

            <Locked path="businessHours.workDays">
              <fieldset class={`weekdays${invalid.has('workDays') ? ' invalid' : ''}`}>
                <legend>{t('settingsWorkDaysLabel')}</legend>
                {WEEKDAYS.map(({ day, label }) => (
                  <label key={day} class="check">
                    <input
                      type="checkbox"
                      name="workDays"
                      value={day}
                      checked={draft.workDays.includes(day)}
                      onChange={(event) => toggleWorkDay(day, event.currentTarget.checked)}
                    />
                    {t(label)}
                  </label>
                ))}
              </fieldset>
            </Locked>

            <div class="field-grid">
              <Locked path="businessHours.start">
                <div>
                  <label for="settings-start">{t('settingsStartLabel')}</label>
                  <input {...textField('start')} type="time" class="short" />
                </div>
              </Locked>
              <Locked path="businessHours.end">
                <div>
                  <label for="settings-end">{t('settingsEndLabel')}</label>
                  <input {...textField('end')} type="time" class="short" aria-describedby="settings-end-hint" />
                </div>
              </Locked>
            </div>
            <p id="settings-end-hint" class="hint">
              {t('settingsEndHint')}
            </p>

            <Locked path="businessHours.holidays">
              <label for="settings-holidays">{t('settingsHolidaysLabel')}</label>
              <textarea {...textField('holidays')} rows={3} spellcheck={false} aria-describedby="settings-holidays-hint" />
              <p id="settings-holidays-hint" class="hint">
                {t('settingsHolidaysHint', [SETTINGS_LIMITS.holidays])}
              </p>
            </Locked>
          </fieldset>

          <fieldset>
            <legend>{t('settingsClientsLegend')}</legend>
            <p class="hint">{t('settingsClientsHint')}</p>
            <Locked path="clients.emails">
              <label for="settings-emails">{t('settingsClientEmailsLabel')}</label>
              <textarea {...textField('emails')} rows={3} spellcheck={false} aria-describedby="settings-emails-hint" />
              <p id="settings-emails-hint" class="hint">
                {t('settingsClientEmailsHint')}
              </p>
            </Locked>
            <Locked path="clients.domains">
              <label for="settings-domains">{t('settingsClientDomainsLabel')}</label>
              <textarea {...textField('domains')} rows={3} spellcheck={false} aria-describedby="settings-domains-hint" />
              <p id="settings-domains-hint" class="hint">
                {t('settingsClientDomainsHint')}
              </p>
            </Locked>
            <Locked path="clients.projectIds">
              <label for="settings-projectIds">{t('settingsClientProjectsLabel')}</label>
              <textarea {...textField('projectIds')} rows={3} spellcheck={false} aria-describedby="settings-projectIds-hint" />
              <p id="settings-projectIds-hint" class="hint">
                {t('settingsClientProjectsHint')}
              </p>
            </Locked>
          </fieldset>

          <fieldset>
            <legend>{t('settingsSyncLegend')}</legend>
            <Locked path="pollMinutes">
              <label for="settings-pollMinutes">{t('settingsPollLabel')}</label>
              <input
                {...textField('pollMinutes')}
                type="number"
                class="short"
                min={SETTINGS_LIMITS.pollMinutes.min}
                max={SETTINGS_LIMITS.pollMinutes.max}
                step={0.5}
                inputMode="decimal"
                aria-describedby="settings-pollMinutes-hint"
              />
              <p id="settings-pollMinutes-hint" class="hint">
                {t('settingsPollHint', [SETTINGS_LIMITS.pollMinutes.min, SETTINGS_LIMITS.pollMinutes.max])}
              </p>
            </Locked>
          </fieldset>

          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t('settingsSave')}
            </button>
            <button type="button" onClick={() => void onExport()} disabled={busy}>
              {t('settingsExport')}
            </button>
            <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
              {t('settingsImport')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label={t('settingsImport')}
              onChange={(event) => void onImportFile(event)}
            />
          </div>

          {outcome && outcome.kind !== 'refused' && (
            <p role="status" class="ok">
              {outcome.kind === 'saved'
                ? t('settingsSaved')
                : outcome.kind === 'imported'
                  ? t('settingsImported', outcome.fileName)
                  : t('settingsExported', outcome.fileName)}
            </p>
          )}
          {outcome?.kind === 'refused' && (
            <div role="alert" class="error problems">
              <p>{outcome.heading}</p>
              <ul>
                {outcome.problems.map((problem, index) => (
                  <li key={index}>{problemText(problem)}</li>
                ))}
              </ul>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
