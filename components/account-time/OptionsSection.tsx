import { useEffect, useState } from 'preact/hooks';
import { BACKUP_MAX_BYTES } from '@/lib/account-time/protocol';
import { IDLE_SECONDS_LIMITS } from '@/lib/account-time/settings';
import type { AccountTimeSettings } from '@/lib/account-time/types';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { FeatureSwitch } from '../options/FeatureSwitch';
import { Locked } from '../options/policy';
import { downloadText } from '../reports/download';

interface Draft {
  idleSeconds: string;
  green: string;
  amber: string;
  hourlyRate: string;
  writeBack: boolean;
}

const toDraft = (settings: AccountTimeSettings): Draft => ({
  idleSeconds: String(settings.idleSeconds),
  green: String(settings.shareThresholds.green),
  amber: String(settings.shareThresholds.amber),
  hourlyRate: settings.hourlyRate === null ? '' : String(settings.hourlyRate),
  writeBack: settings.writeBack,
});

/** Empty text stays empty (so validation names it), numbers become numbers. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

type Outcome = { kind: 'status' | 'alert'; text: string } | null;

/** Options: account time's idle limit, share target, hourly rate and write-back. */
export function AccountTimeOptionsSection() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ask('settings/get', {}).then((reply) => {
      if (reply.ok) setDraft(toDraft(reply.value.accountTime));
      else setOutcome({ kind: 'alert', text: reply.problem.message });
    });
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    const reply = await ask('settings/save', {
      patch: {
        accountTime: {
          idleSeconds: numberOf(draft.idleSeconds),
          shareThresholds: { green: numberOf(draft.green), amber: numberOf(draft.amber) },
          hourlyRate: draft.hourlyRate.trim() === '' ? null : numberOf(draft.hourlyRate),
          writeBack: draft.writeBack,
        },
      },
    });
    setBusy(false);
    if (reply.ok) {
      setDraft(toDraft(reply.value.accountTime));
      setOutcome({ kind: 'status', text: t('timeOptionsSaved') });
    } else setOutcome({ kind: 'alert', text: reply.problem.message });
  };

  const writeBackNow = async () => {
    setBusy(true);
    const reply = await ask('time/write-back', {});
    setBusy(false);
    if (!reply.ok) setOutcome({ kind: 'alert', text: reply.problem.message });
    else if (reply.value === null) setOutcome({ kind: 'alert', text: t('timeWriteBackOff') });
    else {
      const refused = reply.value.refused > 0 ? ` ${t('timeWriteBackRefused', [reply.value.refused])}` : '';
      setOutcome({ kind: 'status', text: `${t('timeWriteBackDone', [reply.value.sent, reply.value.recovered])}${refused}` });
    }
  };

  const field = (name: keyof Omit<Draft, 'writeBack'>) => ({
    id: `time-${name}`,
    value: draft?.[name] ?? '',
    onInput: (event: Event) => draft && setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });

  return (
    <section id="account-time" aria-labelledby="account-time-options-heading">
      <h2 id="account-time-options-heading">{t('timeRegion')}</h2>
      <p class="hint">{t('timeOptionsIntro')}</p>
      <FeatureSwitch feature="accountTime" label="settingsAccountTimeLabel" hint="settingsAccountTimeHint" />
      {draft && (
        <form onSubmit={(event) => void save(event)} aria-busy={busy} noValidate class="settings-form">
          <div class="field-grid">
            <Locked path="accountTime.idleSeconds">
              <div>
                <label for="time-idleSeconds">{t('timeOptionsIdle')}</label>
                <input {...field('idleSeconds')} type="number" class="short" min={IDLE_SECONDS_LIMITS.min} max={IDLE_SECONDS_LIMITS.max} step={1} />
              </div>
            </Locked>
            <Locked path="accountTime.shareThresholds.green">
              <div>
                <label for="time-green">{t('timeOptionsGreen')}</label>
                <input {...field('green')} type="number" class="short" min={0} max={100} step="any" />
              </div>
            </Locked>
            <Locked path="accountTime.shareThresholds.amber">
              <div>
                <label for="time-amber">{t('timeOptionsAmber')}</label>
                <input {...field('amber')} type="number" class="short" min={0} max={100} step="any" />
              </div>
            </Locked>
            <Locked path="accountTime.hourlyRate">
              <div>
                <label for="time-hourlyRate">{t('timeOptionsRate')}</label>
                <input {...field('hourlyRate')} type="number" class="short" min={0} step="any" aria-describedby="time-rate-hint" />
              </div>
            </Locked>
          </div>
          <p id="time-rate-hint" class="hint">
            {t('timeOptionsRateHint')}
          </p>
          <Locked path="accountTime.writeBack">
            <label class="check">
              <input type="checkbox" checked={draft.writeBack} onChange={(event) => setDraft({ ...draft, writeBack: event.currentTarget.checked })} />{' '}
              {t('timeOptionsWriteBack')}
            </label>
            <p class="hint">{t('timeOptionsWriteBackHint')}</p>
          </Locked>
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {t('timeSave')}
            </button>
            <button type="button" disabled={busy} onClick={() => void writeBackNow()}>
              {t('timeWriteBackNow')}
            </button>
          </div>
        </form>
      )}
      {outcome && (
        <p role={outcome.kind} class={outcome.kind === 'alert' ? 'error' : 'ok'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}

/** Each table's name in the import confirmation (an unknown one shows as it is called). */
const TABLE_LABELS: Record<string, MessageKey> = {
  sessions: 'dataTableSessions',
  manualEntries: 'dataTableManualEntries',
  writeBack: 'dataTableWriteBack',
  threads: 'dataTableThreads',
  comments: 'dataTableComments',
  episodes: 'dataTableEpisodes',
  templateApplications: 'dataTableTemplateApplications',
  personalTemplates: 'dataTablePersonalTemplates',
  roleMappings: 'dataTableRoleMappings',
  savedChecklists: 'dataTableSavedChecklists',
  pageVisits: 'dataTablePageVisits',
  cache: 'dataTableCache',
  state: 'dataTableState',
};
const tableLabel = (name: string) => (TABLE_LABELS[name] ? t(TABLE_LABELS[name]) : name);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

interface PendingImport {
  fileName: string;
  backup: unknown;
  current: Record<string, number>;
  incoming: Record<string, number>;
}

/** Options, "Your data": the whole database as a JSON file, and back (after saying what it replaces). */
export function YourDataSection() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const exportAll = async () => {
    setBusy(true);
    const reply = await ask('time/export', {});
    setBusy(false);
    if (!reply.ok) return setOutcome({ kind: 'alert', text: reply.problem.message });
    downloadText(`account-desk-${reply.value.exportedAt.slice(0, 10)}.json`, `${JSON.stringify(reply.value, null, 2)}\n`, 'application/json');
    setOutcome({ kind: 'status', text: t('timeDataExported') });
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // The same file chosen again (after fixing it) is a new choice.
    input.value = '';
    if (!file) return;
    setPending(null);
    if (file.size > BACKUP_MAX_BYTES) {
      return setOutcome({ kind: 'alert', text: t('timeDataTooLarge', [file.name, megabytes(file.size), megabytes(BACKUP_MAX_BYTES)]) });
    }
    setBusy(true);
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch (error) {
      setBusy(false);
      return setOutcome({ kind: 'alert', text: t('timeDataNotJson', (error as Error).message) });
    }
    const reply = await ask('time/import-check', { backup });
    setBusy(false);
    if (!reply.ok) return setOutcome({ kind: 'alert', text: reply.problem.message });
    setOutcome(null);
    setPending({ fileName: file.name, backup, ...reply.value });
  };

  const replaceAll = async () => {
    if (!pending) return;
    setBusy(true);
    const reply = await ask('time/import', { backup: pending.backup });
    setBusy(false);
    setPending(null);
    if (!reply.ok) return setOutcome({ kind: 'alert', text: reply.problem.message });
    const rows = Object.values(reply.value.tables).reduce((sum, count) => sum + count, 0);
    setOutcome({ kind: 'status', text: tn('timeDataImported', rows) });
  };

  const changed = pending ? Object.keys(pending.current).filter((name) => pending.current[name] || pending.incoming[name]) : [];
  return (
    <section id="your-data" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">{t('timeDataHeading')}</h2>
      <p class="hint">{t('timeDataIntro')}</p>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void exportAll()}>
          {t('timeDataExport')}
        </button>
        <label class="file">
          {t('timeDataImport')}{' '}
          <input type="file" accept="application/json,.json" disabled={busy} onChange={(event) => void chooseFile(event.currentTarget)} />
        </label>
      </div>
      {pending && (
        <div role="group" aria-labelledby="import-confirm-heading" class="confirm">
          <h3 id="import-confirm-heading">{t('timeDataConfirmHeading', pending.fileName)}</h3>
          <p>{t('timeDataConfirmIntro')}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('timeDataConfirmTable')}</th>
                <th scope="col">{t('timeDataConfirmNow')}</th>
                <th scope="col">{t('timeDataConfirmFromFile')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((name) => (
                <tr key={name}>
                  <th scope="row">{tableLabel(name)}</th>
                  <td>{pending.current[name] ?? 0}</td>
                  <td>{pending.incoming[name] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => void replaceAll()}>
              {t('timeDataConfirmReplace')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPending(null)}>
              {t('timeDataConfirmCancel')}
            </button>
          </div>
        </div>
      )}
      {outcome && (
        <p role={outcome.kind} class={outcome.kind === 'alert' ? 'error' : 'ok'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
