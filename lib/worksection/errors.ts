// One error type for everything that can go wrong talking to Worksection, so
// callers switch on `kind` and show `message` (written for people) as is.
import { t } from '../i18n';
import { ProblemError } from '../problem';

export type WorksectionErrorKind =
  | 'api' // Worksection refused the request ({"status":"error"} with a status_code)
  | 'auth' // wrong admin key, bad or expired OAuth token
  | 'http' // any other non-2xx answer
  | 'timeout'
  | 'network'
  | 'malformed' // the reply is not what the documented API sends
  | 'rate-limited'
  | 'aborted';

export interface WorksectionErrorInit {
  kind: WorksectionErrorKind;
  action: string;
  message: string;
  code?: number;
  httpStatus?: number;
  details?: string;
  retryAfterMs?: number;
  /** The server's Date header (ms since the epoch), when the refusal carried one. */
  serverDate?: number;
  cause?: unknown;
}

export class WorksectionError extends ProblemError {
  override readonly name = 'WorksectionError';
  readonly kind: WorksectionErrorKind;
  /** The API action the request was for, e.g. `get_tasks`. */
  readonly action: string;
  /** The API's `status_code` for `api`/`auth`/`rate-limited` envelopes. */
  readonly code?: number;
  readonly httpStatus?: number;
  /** The API's `message_details` (often the field name at fault). */
  readonly details?: string;
  /** How long the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;
  /** The server's clock when it refused (its Date header), for correcting a signed time. */
  readonly serverDate?: number;
  /** Whether repeating the same request later may succeed. */
  readonly retryable: boolean;
  /** An OAuth access token Worksection refused as expired: the person has to sign in again. */
  readonly tokenExpired: boolean;

  constructor(init: WorksectionErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.action = init.action;
    if (init.code !== undefined) this.code = init.code;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
    if (init.details !== undefined) this.details = init.details;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.serverDate !== undefined) this.serverDate = init.serverDate;
    this.retryable = isRetryable(init.kind, init.httpStatus);
    this.tokenExpired = init.kind === 'auth' && EXPIRED_TOKEN_TEXT.test(`${init.message} ${init.details ?? ''}`);
  }
}

export function isWorksectionError(error: unknown): error is WorksectionError {
  return error instanceof WorksectionError;
}

function isRetryable(kind: WorksectionErrorKind, httpStatus: number | undefined): boolean {
  switch (kind) {
    case 'timeout':
    case 'network':
    case 'rate-limited':
      return true;
    case 'http':
      return httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 408);
    default:
      return false;
  }
}

/** What error builders need besides the reply: the action, and secrets to keep out of messages. */
export interface ErrorContext {
  action: string;
  secrets: readonly string[];
}

const RATE_LIMIT_TEXT = /too many|rate limit/i;
// "Too many tasks (10000 max)" is a size cap (api-reference §2): waiting won't help.
const SIZE_CAP_TEXT = /too many tasks/i;
// Server wording for bad credentials: the admin hash check (status_code 2) and
// OAuth token failures ("Access token is expired", "invalid_token", …).
const AUTH_TEXT = /hash is missed or invalid|token is (?:expired|invalid|revoked)|invalid[_ ]token|access token|not_authorized|invalid_client|unauthori[sz]ed/i;
const AUTH_STATUS_CODE = 2;
// "Access token is expired" (api-reference §1.3; the official clients refresh on "token is expired").
const EXPIRED_TOKEN_TEXT = /token is expired|expired (?:access )?token/i;
const MAX_SERVER_TEXT = 300;

/** Server-supplied text made safe to show: no secrets, one line, bounded length. */
export function cleanServerText(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret) clean = clean.split(secret).join('[redacted]');
  clean = clean.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT - 1)}…` : clean;
}

/** `{"status":"error","status_code":N,"message":…,"message_details":…}` → typed error. */
export function errorFromEnvelope(
  context: ErrorContext,
  envelope: { status_code?: unknown; message?: unknown; message_details?: unknown },
  httpStatus?: number,
  serverDate?: number,
): WorksectionError {
  const { action, secrets } = context;
  const code = typeof envelope.status_code === 'number' ? envelope.status_code : numericString(envelope.status_code);
  const serverMessage = typeof envelope.message === 'string' ? cleanServerText(envelope.message, secrets) : '';
  const details =
    typeof envelope.message_details === 'string' && envelope.message_details !== ''
      ? cleanServerText(envelope.message_details, secrets)
      : undefined;
  const said = [serverMessage || t('wsNoReason'), details].filter(Boolean).join(': ');
  const common = { action, code, details, httpStatus, serverDate };

  if (code === AUTH_STATUS_CODE || AUTH_TEXT.test(serverMessage)) {
    return new WorksectionError({
      ...common,
      kind: 'auth',
      message: t('wsCredentialsRefused', [action, said]),
    });
  }
  if (RATE_LIMIT_TEXT.test(serverMessage) && !SIZE_CAP_TEXT.test(serverMessage)) {
    return new WorksectionError({
      ...common,
      kind: 'rate-limited',
      message: t('wsSlowDown', [action, said]),
    });
  }
  const message = code === undefined ? t('wsRefused', [action, said]) : t('wsRefusedCode', [action, said, code]);
  return new WorksectionError({ ...common, kind: 'api', message });
}

/**
 * OAuth endpoints answer `{"error":"…","errorDescription":"…"}` (api-reference §1.3)
 * rather than the usual envelope. Token problems are `auth`; anything else is a refusal.
 */
export function errorFromOAuthBody(
  context: ErrorContext,
  body: { error?: unknown; errorDescription?: unknown; message?: unknown },
  httpStatus?: number,
): WorksectionError {
  const { action, secrets } = context;
  const parts = [body.error, body.errorDescription ?? body.message].filter((part): part is string => typeof part === 'string');
  const said = cleanServerText(parts.join(': '), secrets) || t('wsNoReason');
  if (AUTH_TEXT.test(said) || httpStatus === 401 || httpStatus === 403) {
    return new WorksectionError({
      kind: 'auth',
      action,
      httpStatus,
      message: t('wsSignInRefused', [action, said]),
    });
  }
  return new WorksectionError({ kind: 'api', action, httpStatus, message: t('wsRefused', [action, said]) });
}

/**
 * A non-2xx HTTP answer. `serverText` is whatever message its body carried,
 * added to the sentence when present.
 */
export function errorFromHttpStatus(
  context: ErrorContext,
  httpStatus: number,
  options: { retryAfterMs?: number; serverText?: string } = {},
): WorksectionError {
  const { action, secrets } = context;
  const { retryAfterMs } = options;
  const said = options.serverText ? `: ${cleanServerText(options.serverText, secrets)}` : '';
  const details = options.serverText ? cleanServerText(options.serverText, secrets) : undefined;
  if (httpStatus === 401 || httpStatus === 403) {
    return new WorksectionError({
      kind: 'auth',
      action,
      httpStatus,
      details,
      message: t('wsCredentialsRefusedHttp', [action, httpStatus, said]),
    });
  }
  if (httpStatus === 429) {
    return new WorksectionError({
      kind: 'rate-limited',
      action,
      httpStatus,
      details,
      retryAfterMs,
      message: t('wsSlowDownHttp', [action, said]),
    });
  }
  return new WorksectionError({
    kind: 'http',
    action,
    httpStatus,
    details,
    retryAfterMs,
    message: t(httpStatus >= 500 ? 'wsServerProblem' : 'wsCouldNotAnswer', [action, httpStatus, said]),
  });
}

export function malformedReply(action: string, problem: string, cause?: unknown): WorksectionError {
  return new WorksectionError({
    kind: 'malformed',
    action,
    cause,
    message: t('wsMalformed', [action, problem]),
  });
}

export function abortedRequest(action: string, cause?: unknown): WorksectionError {
  return new WorksectionError({ kind: 'aborted', action, cause, message: t('wsCancelled', action) });
}

function numericString(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}
