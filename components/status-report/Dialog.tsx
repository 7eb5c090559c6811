// The status report dialog on a project page: the period and the report's
// language, the health flag and headline, the drafted text to edit; then post
// it as a comment on a task (remembered per project) or copy it as text,
// Markdown or HTML for e-mail. The draft comes from the background; nothing
// from Worksection is ever rendered as HTML here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import { LANGUAGES, type Language } from '@/lib/locale';
import { REPORT_PERIODS, type ReportPeriodChoice, type StatusReportDraft } from '@/lib/status-report/protocol';
import { composeReport, HEALTHS, toHtml, toMarkdown, type Health } from '@/lib/status-report/text';
import { useAsk } from '../use-ask';
import { trapFocus, useEscape } from '../templates/dialog';

interface Props {
  origin: string;
  projectId: string;
  onClose: () => void;
}

const PERIOD_LABEL = { 'last-report': 'srPeriodLastReport', '1w': 'srPeriod1w', '2w': 'srPeriod2w', '4w': 'srPeriod4w' } as const;
const HEALTH_LABEL = { 'on-track': 'srHealthOnTrack', 'at-risk': 'srHealthAtRisk', 'off-track': 'srHealthOffTrack' } as const;

/** A language's own name ("русский", "қазақ тілі"): a manager picks the client's language by how it calls itself. */
const nativeName = (language: Language) => new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;

type Status = { kind: 'busy' | 'done' | 'error'; message: string; url?: string } | null;

export function StatusReportDialog({ origin, projectId, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const [period, setPeriod] = useState<ReportPeriodChoice>('last-report');
  const [language, setLanguage] = useState<Language | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  // The first draft reads the project; later ones (another period or language) reuse that read.
  const drafted = useRef(false);
  const { asked } = useAsk(async () => {
    const reply = await ask('status-report/draft', { origin, projectId, period, ...(language ? { language } : {}), ...(drafted.current ? { reuse: true } : {}) });
    if (reply.ok) drafted.current = true;
    return reply;
  }, [origin, projectId, period, language, attempt]);
  const [health, setHealth] = useState<Health>('on-track');
  const [headline, setHeadline] = useState('');
  const [body, setBody] = useState('');
  const [taskId, setTaskId] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const draft: StatusReportDraft | undefined = asked.state === 'ready' ? asked.value : undefined;

  // A new draft (another period or language) replaces the text; the task stays what the manager picked.
  useEffect(() => {
    if (!draft) return;
    setBody(draft.body);
    setTaskId((current) => (current && draft.targets.some((target) => target.id === current) ? current : (draft.targetTaskId ?? '')));
  }, [draft]);

  useEffect(() => {
    // The period comes first: it is what changes the draft.
    (dialog.current?.querySelector<HTMLElement>('select') ?? dialog.current?.querySelector<HTMLElement>('button'))?.focus();
  }, []);

  useEscape(onClose);
  const onKeyDown = (event: KeyboardEvent) => {
    if (dialog.current) trapFocus(dialog.current, onClose)(event);
  };

  const reportText = () =>
    draft ? composeReport({ title: draft.title, healthLine: `${draft.healthLabel}: ${draft.healthWords[health]}`, headline, body }) : '';

  const post = async () => {
    if (!draft) return;
    if (!taskId) {
      setStatus({ kind: 'error', message: t('srProblemNoTask') });
      return;
    }
    setStatus({ kind: 'busy', message: t('srPosting') });
    const reply = await ask('status-report/post', { origin, projectId, taskId, text: reportText() });
    setStatus(reply.ok ? { kind: 'done', message: t('srPosted'), url: reply.value.url } : { kind: 'error', message: reply.problem.message });
  };

  const copy = async (format: 'text' | 'markdown' | 'html') => {
    const text = reportText();
    try {
      if (format === 'html') {
        const html = toHtml(text);
        await navigator.clipboard.write([
          new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
        ]);
      } else {
        await navigator.clipboard.writeText(format === 'markdown' ? toMarkdown(text) : text);
      }
      setStatus({ kind: 'done', message: t('srCopied') });
    } catch (error) {
      setStatus({ kind: 'error', message: t('srCopyFailed', String((error as Error)?.message ?? error)) });
    }
  };

  return (
    <div class="backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="sr-title" ref={dialog} onKeyDown={onKeyDown}>
        <header>
          <h2 id="sr-title">{t('srDialogTitle')}</h2>
          <button type="button" onClick={onClose} aria-label={t('srClose')}>
            ✕
          </button>
        </header>
        <div class="single">
          <div class="fields">
            <label>
              {t('srPeriod')}
              <select value={period} onChange={(event) => setPeriod(event.currentTarget.value as ReportPeriodChoice)}>
                {REPORT_PERIODS.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(PERIOD_LABEL[choice])}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('srLanguage')}
              <select value={language ?? draft?.language ?? ''} onChange={(event) => setLanguage(event.currentTarget.value as Language)}>
                {LANGUAGES.map((choice) => (
                  <option key={choice} value={choice} lang={choice}>
                    {nativeName(choice)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {asked.state === 'loading' && (
            <p class="muted" role="status">
              {t('srLoading')}
            </p>
          )}
          {asked.state === 'error' && (
            <p class="error" role="alert">
              {asked.problem.message}{' '}
              <button type="button" class="link" onClick={() => setAttempt((count) => count + 1)}>
                {t('srRetry')}
              </button>
            </p>
          )}
          {draft && (
            <>
              <p class="muted" data-testid="sr-period">
                {draft.period.lastReport ? (
                  <>
                    {t('srLastReportFrom', formatDateTime(draft.period.lastReport.at))}{' '}
                    <a href={draft.period.lastReport.url} target="_blank" rel="noopener noreferrer">
                      {t('srOpenLastReport')}
                    </a>
                  </>
                ) : draft.period.noEarlierReport ? (
                  t('srNoEarlierReport')
                ) : null}
              </p>
              <p class="muted">
                {t('srCounts', [draft.counts.done, draft.counts.inProgress, draft.counts.planned, draft.counts.overdue, draft.counts.waiting])}
              </p>
              <fieldset class="health">
                <legend>{t('srHealth')}</legend>
                {HEALTHS.map((choice) => (
                  <label key={choice}>
                    <input type="radio" name="sr-health" value={choice} checked={health === choice} onChange={() => setHealth(choice)} />
                    {t(HEALTH_LABEL[choice])}
                  </label>
                ))}
              </fieldset>
              <label class="block">
                {t('srHeadline')}
                <input type="text" value={headline} maxLength={300} onInput={(event) => setHeadline(event.currentTarget.value)} />
              </label>
              <p class="report-title" lang={draft.language}>
                {draft.title}
              </p>
              <label class="block">
                {t('srDraft')}
                <textarea rows={16} lang={draft.language} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
              </label>
              <p class="muted">{t('srInternalNote')}</p>
            </>
          )}
        </div>
        <div class="footer">
          <label class="target">
            {t('srPostTo')}
            <select value={taskId} disabled={!draft} onChange={(event) => setTaskId(event.currentTarget.value)}>
              <option value="">{t('srChooseTask')}</option>
              {draft?.targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="primary" disabled={!draft || status?.kind === 'busy'} onClick={() => void post()}>
            {t('srPost')}
          </button>
          <button type="button" disabled={!draft} onClick={() => void copy('text')}>
            {t('srCopyText')}
          </button>
          <button type="button" disabled={!draft} onClick={() => void copy('markdown')}>
            {t('srCopyMarkdown')}
          </button>
          <button type="button" disabled={!draft} onClick={() => void copy('html')}>
            {t('srCopyHtml')}
          </button>
        </div>
        <p class={`status ${status?.kind === 'error' ? 'error' : 'muted'}`} role={status?.kind === 'error' ? 'alert' : 'status'}>
          {status?.message}
          {status?.url && (
            <>
              {' '}
              <a href={status.url} target="_blank" rel="noopener noreferrer">
                {t('srOpenComment')}
              </a>
            </>
          )}
        </p>
      </div>
    </div>
  );
}
