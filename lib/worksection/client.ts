// A typed client for Worksection's API v2 (api-reference §1–§4). It signs or
// authorises each request, spaces requests per account, retries only what can
// succeed on a second try, and validates every reply before returning it.
import { formatNumber } from '../format';
import { t } from '../i18n';
import { minutesToWsTime, toWsInputDate } from './dates';
import {
  abortedRequest,
  errorFromEnvelope,
  errorFromHttpStatus,
  errorFromOAuthBody,
  malformedReply,
  WorksectionError,
  type ErrorContext,
} from './errors';
import {
  parseWsComment,
  parseWsMe,
  parseWsProject,
  parseWsTask,
  parseWsTaskTag,
  parseWsUser,
  parseWsUserGroup,
  readCosts,
  readCostsTotal,
  readCreatedId,
  readEventFeed,
  readItem,
  readListTolerant,
  type Parser,
  type WsEventFeed,
} from './parse';
import type { FeedFinding } from './feed-report';
import { backoffDelay, parseRetryAfter } from './retry';
import { buildWireRequest, MAX_REQUEST_LINE, requestLineLength, type WireRequest, type WireScheme, type WsParams } from './sign';
import { realSleep, sharedThrottles, type RequestPriority, type RequestThrottle, type Sleep, type ThrottleRegistry } from './throttle';
import type {
  WsComment,
  WsCosts,
  WsCostsTotal,
  WsEvent,
  WsMe,
  WsOkEnvelope,
  WsProject,
  WsTask,
  WsTaskTag,
  WsUser,
  WsUserGroup,
} from './types';

export type WorksectionAuth = { kind: 'admin'; apiKey: string } | { kind: 'oauth'; accessToken: string };

/**
 * Where a signed-in client gets its access token (lib/background/token-store.ts):
 * the current one before each attempt, and a renewed one after Worksection
 * refused one with HTTP 401.
 */
export interface OAuthTokenSource {
  current(): Promise<string>;
  renew(rejected: string): Promise<string>;
}

export interface WorksectionClientOptions {
  /** The account's origin, e.g. https://demo.worksection.com (a path is ignored). */
  accountUrl: string;
  auth: WorksectionAuth;
  /** With an OAuth `auth`: tokens that refresh; without it the access token in `auth` is used as is. */
  tokens?: OAuthTokenSource;
  fetch?: typeof fetch;
  /** Minimum spacing of requests to this account. Default 1000. */
  minIntervalMs?: number;
  /** Per attempt. Default 20000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable failures only. Default 4. */
  maxRetries?: number;
  /** First retry delay, doubled each time, with jitter. Default 1000. */
  backoffBaseMs?: number;
  /** Longest wait before a retry; a longer Retry-After is handed to the caller instead. Default 60000. */
  maxRetryWaitMs?: number;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  /** The account's time zone, for sending Date values as calendar days. Default UTC. */
  timeZone?: string;
  /** Where per-account throttles live; the module-wide registry by default. */
  throttles?: ThrottleRegistry;
  /** Background work (sync, write-back) yields its turn to interactive requests. Default interactive. */
  priority?: RequestPriority;
  /** The wire format to try first (sign.ts). Default 'header', as Worksection's newest clients send. */
  scheme?: WireScheme;
  /** Told when a status_code 2 refusal made the client switch to the other scheme and that one worked. */
  onSchemeChange?: (scheme: WireScheme) => void;
  /** Where learnt clock offsets (server Date − local clock) live, per account; module-wide by default. */
  clockOffsets?: Map<string, number>;
  /** Told about list items and events a reply carried that we skipped or did not know (for Diagnostics). */
  onFeedFindings?: (findings: { unknown: FeedFinding[]; skipped: FeedFinding[] }) => void;
  /**
   * With the admin key, the person every write is made as: `email_user_from`
   * goes on each write that takes an author (a call's own emailUserFrom wins).
   * Ignored for an OAuth token, whose writes are always its user's.
   */
  actingAs?: { email: string };
}

/** Server clock minus ours, per account origin, learnt from a refused header-scheme call's Date header. */
export const sharedClockOffsets = new Map<string, number>();

/** A refusal with this status_code changed nothing on the server ("Action hash is missed or invalid"). */
const HASH_REFUSED = 2;
/** Below this the Date header (1 s resolution) cannot tell skew from latency. */
const MIN_SKEW_MS = 5000;

const otherScheme = (scheme: WireScheme): WireScheme => (scheme === 'header' ? 'query' : 'header');

export interface CallOptions {
  signal?: AbortSignal;
}

export type WsTaskExtra = 'text' | 'html' | 'files' | 'comments' | 'relations' | 'subtasks' | 'subscribers' | 'archive' | 'custom_fields' | 'tags';
export type WsProjectExtra = 'text' | 'html' | 'options' | 'users';
export type WsCostsTotalExtra = 'projects' | 'tasks' | 'tasks_top_level';
/** `get_events` periods: 1m..360m, 1h..72h or 1d..30d. */
export type WsEventPeriod = `${number}${'m' | 'h' | 'd'}`;
type Emails = string | readonly string[];
type DateInput = Date | string;

export interface PostTaskInput {
  projectId: string;
  title: string;
  /** Makes the new task a subtask of this one. */
  parentId?: string;
  text?: string;
  /** Checklist items. */
  todo?: readonly string[];
  emailUserFrom?: string;
  /** Executive: an email, 'ANY' or 'NOONE'. */
  emailUserTo?: string;
  /** 0..10 */
  priority?: number;
  dateStart?: DateInput;
  dateEnd?: DateInput;
  subscribe?: Emails;
  /** Only these people see the task. */
  hidden?: Emails;
  mention?: Emails;
  /** Planned hours and money. */
  maxTime?: number;
  maxMoney?: number;
  tags?: Emails;
}

export interface UpdateTaskInput {
  taskId: string;
  title?: string;
  emailUserTo?: string;
  priority?: number;
  dateStart?: DateInput;
  dateEnd?: DateInput;
  dateClosed?: DateInput;
  maxTime?: number;
  maxMoney?: number;
}

export interface PostCommentInput {
  taskId: string;
  text?: string;
  todo?: readonly string[];
  emailUserFrom?: string;
  hidden?: Emails;
  mention?: Emails;
}

export interface AddCostsInput {
  taskId: string;
  /** Whole minutes, sent as "H:MM". */
  time: number;
  comment?: string;
  /** The day the time belongs to. */
  date?: DateInput;
  /** Required with the admin key (whose time it is); implied by an OAuth token. */
  emailUserFrom?: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 4;
export const DEFAULT_BACKOFF_BASE_MS = 1000;
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;

const EVENT_PERIOD = /^([1-9]\d*)([mhd])$/;
const EVENT_PERIOD_MAX = { m: 360, h: 72, d: 30 } as const;

/** Whether `period` is one `get_events` accepts (1m..360m, 1h..72h, 1d..30d). */
export function isEventPeriod(period: string): period is WsEventPeriod {
  const match = EVENT_PERIOD.exec(period);
  if (!match) return false;
  return Number(match[1]) <= EVENT_PERIOD_MAX[match[2] as keyof typeof EVENT_PERIOD_MAX];
}

function requireId(value: string, what: string): string {
  if (!/^\d+$/.test(value)) throw new RangeError(`${what} must be a Worksection id (digits), not "${value}"`);
  return value;
}

function joinList(value: Emails | undefined): string | undefined {
  if (value === undefined) return undefined;
  const items = typeof value === 'string' ? [value] : value;
  const joined = items.map((item) => item.trim()).filter(Boolean).join(',');
  return joined || undefined;
}

function joinExtra(extra: readonly string[] | undefined): string | undefined {
  return extra && extra.length > 0 ? extra.join(',') : undefined;
}

function requirePriority(priority: number | undefined): number | undefined {
  if (priority === undefined) return undefined;
  if (!Number.isInteger(priority) || priority < 0 || priority > 10) {
    throw new RangeError(`Priority must be a whole number from 0 to 10, not ${priority}`);
  }
  return priority;
}

function nonEmptyList(items: readonly string[] | undefined): readonly string[] | undefined {
  return items && items.length > 0 ? items : undefined;
}

function originOf(accountUrl: string): string {
  let url: URL;
  try {
    url = new URL(accountUrl);
  } catch (cause) {
    throw new RangeError(`"${accountUrl}" is not an account address`, { cause });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new RangeError(`"${accountUrl}" is not an https:// account address`);
  }
  return url.origin;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message a non-2xx body carries, if it is JSON with one. */
function serverTextOf(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  for (const key of ['message', 'errorDescription', 'error'] as const) {
    if (typeof body[key] === 'string' && body[key]) return body[key];
  }
  return undefined;
}

/** The writes that take an author (`email_user_from`, api-reference §3): the admin key's acting-as person goes on these. */
export const AUTHORED_WRITES: ReadonlySet<string> = new Set(['post_task', 'post_comment', 'add_costs', 'post_project']);

/** Actions that change data in Worksection (as opposed to reads: get_*, me). */
export function isWrite(action: string): boolean {
  return !action.startsWith('get_') && action !== 'me';
}

export class WorksectionClient {
  readonly origin: string;
  /** The wire format in use; it changes when the other one is accepted after a refusal. */
  scheme: WireScheme;
  private readonly onSchemeChange: ((scheme: WireScheme) => void) | undefined;
  private readonly clockOffsets: Map<string, number>;
  private readonly onFeedFindings: WorksectionClientOptions['onFeedFindings'];
  private readonly auth: WorksectionAuth;
  private readonly tokens: OAuthTokenSource | undefined;
  private readonly fetchImpl: typeof fetch | undefined;
  private readonly throttle: RequestThrottle;
  private readonly priority: RequestPriority;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly maxRetryWaitMs: number;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timeZone: string;
  private readonly actingAsEmail: string | undefined;

  constructor(options: WorksectionClientOptions) {
    this.origin = originOf(options.accountUrl);
    const secret = options.auth.kind === 'admin' ? options.auth.apiKey : options.auth.accessToken;
    if (!secret || !secret.trim()) throw new RangeError('Worksection credentials are empty');
    this.auth = options.auth;
    this.tokens = options.auth.kind === 'oauth' ? options.tokens : undefined;
    this.fetchImpl = options.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timeZone = options.timeZone ?? 'UTC';
    this.priority = options.priority ?? 'interactive';
    this.scheme = options.scheme ?? 'header';
    this.onSchemeChange = options.onSchemeChange;
    this.clockOffsets = options.clockOffsets ?? sharedClockOffsets;
    this.onFeedFindings = options.onFeedFindings;
    if (options.actingAs !== undefined && !/^[^\s@]+@[^\s@]+$/.test(options.actingAs.email.trim())) {
      throw new RangeError(`The person to act as needs an email address, not "${options.actingAs.email}"`);
    }
    this.actingAsEmail = options.auth.kind === 'admin' ? options.actingAs?.email.trim() : undefined;
    this.throttle = (options.throttles ?? sharedThrottles).forAccount(this.origin, {
      minIntervalMs: options.minIntervalMs,
      now: this.now,
      sleep: this.sleep,
    });
  }

  // ---- transport ----

  /**
   * Sends `action` with `params` and returns the reply envelope once its
   * `status` is "ok". Failures reject with a WorksectionError; retryable ones
   * (5xx, 429 and rate-limit replies, timeouts, network) are retried with backoff
   * first — for writes, only the rate-limit refusals.
   */
  async call(action: string, params: WsParams = {}, options: CallOptions = {}): Promise<WsOkEnvelope> {
    const { signal } = options;
    // A status_code 2 refusal ("hash is missed or invalid") changed nothing on
    // the server, so it may be repeated without duplicating a write: once with
    // the clock corrected from the server's Date, once in the other scheme.
    let skewCorrected = false;
    let schemeSwitched = false;
    // A 401 changed nothing on the server either: one retry with a renewed token.
    let tokenRenewed = false;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortedRequest(action, signal.reason);
      let failure: WorksectionError;
      const scheme = this.scheme;
      let sentAuth = this.auth;
      try {
        const envelope = await this.throttle.schedule(async () => {
          // Taken at send time, so a request that waited its turn carries a token another call may have renewed meanwhile.
          sentAuth = await this.authNow();
          return this.attempt(action, params, scheme, sentAuth, signal);
        }, {
          signal,
          label: action,
          priority: this.priority,
        });
        if (schemeSwitched) this.onSchemeChange?.(scheme);
        return envelope;
      } catch (error) {
        if (!(error instanceof WorksectionError)) throw error;
        failure = error;
      }
      if (this.tokens && sentAuth.kind === 'oauth' && failure.kind === 'auth' && failure.httpStatus === 401 && !tokenRenewed) {
        tokenRenewed = true;
        await this.tokens.renew(sentAuth.accessToken);
        continue;
      }
      if (failure.kind === 'auth' && failure.code === HASH_REFUSED) {
        const skew = failure.serverDate === undefined ? 0 : failure.serverDate - this.now();
        const known = this.clockOffsets.get(this.origin) ?? 0;
        if (scheme === 'header' && !skewCorrected && Math.abs(skew - known) >= MIN_SKEW_MS) {
          skewCorrected = true;
          this.clockOffsets.set(this.origin, skew);
          continue;
        }
        if (!schemeSwitched) {
          schemeSwitched = true;
          this.scheme = otherScheme(scheme);
          continue;
        }
        this.scheme = otherScheme(this.scheme); // neither worked: keep the one we started with
        throw failure;
      }
      if (!failure.retryable || attempt >= this.maxRetries) throw failure;
      // A write that failed ambiguously (5xx, timeout, network) may have been
      // carried out: retrying blindly could create a task or a cost twice. Only
      // a refusal (rate limit) is safe to repeat; callers' journals settle the rest.
      if (isWrite(action) && failure.kind !== 'rate-limited') throw failure;
      if (failure.retryAfterMs !== undefined) {
        // The server's wait applies to the account, not just this call.
        if (failure.retryAfterMs > this.maxRetryWaitMs) throw failure;
        this.throttle.deferUntil(this.now() + failure.retryAfterMs);
      }
      const delay = Math.max(
        backoffDelay(attempt, { baseMs: this.backoffBaseMs, maxMs: this.maxRetryWaitMs, random: this.random }),
        failure.retryAfterMs ?? 0,
      );
      await this.pause(delay, action, signal);
    }
  }

  /** The request one attempt sends: signed now (for the header scheme, on the server's clock when we learnt it). */
  wireRequest(action: string, params: WsParams = {}, scheme: WireScheme = this.scheme, auth: WorksectionAuth = this.auth): WireRequest {
    const unixSeconds = Math.floor((this.now() + (this.clockOffsets.get(this.origin) ?? 0)) / 1000);
    return buildWireRequest({ origin: this.origin, action, params: this.withAuthor(action, params), auth, scheme, unixSeconds });
  }

  /** The acting-as person's email on a write that takes an author and names none (in the parameter's own place when it is listed). */
  private withAuthor(action: string, params: WsParams): WsParams {
    if (this.actingAsEmail === undefined || !AUTHORED_WRITES.has(action) || params.email_user_from !== undefined) return params;
    return { ...params, email_user_from: this.actingAsEmail };
  }

  /** The credentials to send now: a signed-in client's current access token, else the ones it was made with. */
  private async authNow(): Promise<WorksectionAuth> {
    return this.tokens ? { kind: 'oauth', accessToken: await this.tokens.current() } : this.auth;
  }

  /** What error messages need: the action, and the secrets they must never show. */
  private contextFor(action: string, auth: WorksectionAuth): ErrorContext {
    const sent = auth.kind === 'admin' ? auth.apiKey : auth.accessToken;
    const made = this.auth.kind === 'admin' ? this.auth.apiKey : this.auth.accessToken;
    return { action, secrets: [sent, made] };
  }

  /** Waits `ms` before a retry; an abort ends the wait at once. */
  private async pause(ms: number, action: string, signal: AbortSignal | undefined): Promise<void> {
    const stop = new AbortController();
    const aborted = new Promise<never>((_, reject) => {
      if (!signal) return;
      const onAbort = (): void => reject(abortedRequest(action, signal.reason));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      stop.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), { once: true });
    });
    try {
      await Promise.race([this.sleep(ms, signal).catch(() => undefined), aborted]);
      if (signal?.aborted) throw abortedRequest(action, signal.reason);
    } finally {
      stop.abort();
    }
  }

  /** One HTTP exchange, bounded by the timeout and the caller's signal. */
  private attempt(action: string, params: WsParams, scheme: WireScheme, auth: WorksectionAuth, signal: AbortSignal | undefined): Promise<WsOkEnvelope> {
    const context = this.contextFor(action, auth);
    const request = new AbortController();
    const cleanup = new AbortController();
    let stoppedBy: 'timeout' | 'abort' | undefined;
    const timeoutError = (): WorksectionError =>
      new WorksectionError({
        kind: 'timeout',
        action,
        // Whole seconds, or tenths under ten (short limits in tests), in the language's own unit.
        message: t('wsTimedOut', [action, this.timeoutMs >= 10_000 ? Math.round(this.timeoutMs / 1000) : formatNumber(this.timeoutMs / 1000, 1)]),
      });
    const stop = (reason: 'timeout' | 'abort'): void => {
      if (stoppedBy) return;
      stoppedBy = reason;
      request.abort();
    };

    const timedOut = new Promise<never>((_, reject) => {
      this.sleep(this.timeoutMs, cleanup.signal).then(
        () => {
          if (cleanup.signal.aborted) return;
          stop('timeout');
          reject(timeoutError());
        },
        () => undefined, // cancelled because the exchange finished
      );
    });
    const aborted = new Promise<never>((_, reject) => {
      if (!signal) return;
      const onAbort = (): void => {
        stop('abort');
        reject(abortedRequest(action, signal.reason));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      cleanup.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), { once: true });
    });
    const exchange = this.exchange(context, this.wireRequest(action, params, scheme, auth), request.signal).catch((error: unknown) => {
      // A fetch we stopped fails with an AbortError; report why we stopped it.
      if (stoppedBy === 'timeout') throw timeoutError();
      if (stoppedBy === 'abort') throw abortedRequest(action, signal?.reason);
      throw error;
    });
    // Promise.race subscribes to every promise, so the losers' later rejections are handled.
    return Promise.race([exchange, timedOut, aborted]).finally(() => {
      cleanup.abort();
      request.abort();
    });
  }

  private async exchange(context: ErrorContext, wire: WireRequest, signal: AbortSignal): Promise<WsOkEnvelope> {
    const { action } = context;
    const fetchImpl = this.fetchImpl ?? globalThis.fetch;
    const { url, method, headers, body: requestBody } = wire;

    let response: Response;
    let bodyText: string;
    try {
      // Credentials ride in the query or header; the site's cookies add nothing.
      response = await fetchImpl(url, {
        method,
        headers,
        ...(requestBody === undefined ? {} : { body: requestBody }),
        signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      bodyText = await response.text();
    } catch (cause) {
      if (signal.aborted) throw cause; // attempt() turns this into timeout/aborted
      const host = new URL(this.origin).host;
      throw new WorksectionError({
        kind: 'network',
        action,
        cause,
        message: t('wsUnreachable', [host, action]),
      });
    }

    const body = parseJson(bodyText);
    if (!response.ok) {
      throw errorFromHttpStatus(context, response.status, {
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), this.now()),
        serverText: serverTextOf(body),
      });
    }
    if (body === NOT_JSON) {
      const looksLikePage = /^\s*</.test(bodyText);
      throw malformedReply(
        action,
        looksLikePage
          ? 'an HTML page instead of JSON. Is the account address right?'
          : bodyText.trim() === ''
            ? 'an empty body instead of JSON.'
            : 'text that is not JSON.',
      );
    }
    if (!isPlainObject(body)) throw malformedReply(action, 'expected a JSON object.');
    if (body.status === 'ok') return body as WsOkEnvelope;
    if (body.status === 'error') {
      const serverDate = Date.parse(response.headers.get('Date') ?? '');
      throw errorFromEnvelope(context, body, response.status, Number.isNaN(serverDate) ? undefined : serverDate);
    }
    if (body.status === undefined && typeof body.error === 'string') throw errorFromOAuthBody(context, body, response.status);
    if (body.status === undefined) throw malformedReply(action, 'no "status" field.');
    throw malformedReply(action, `unknown status ${JSON.stringify(body.status).slice(0, 40)}.`);
  }

  /** A list reply, each item on its own: items missing what we need are skipped and reported, never the whole reply. */
  private list<T>(action: string, envelope: WsOkEnvelope, item: Parser<T>): T[] {
    const skipped: FeedFinding[] = [];
    const items = readListTolerant(action, envelope, item, skipped);
    if (skipped.length > 0) this.onFeedFindings?.({ unknown: [], skipped });
    return items;
  }

  // ---- members ----

  /** The signed-in user (OAuth only). */
  async me(options: CallOptions = {}): Promise<WsMe> {
    if (this.auth.kind !== 'oauth') {
      throw new WorksectionError({
        kind: 'auth',
        action: 'me',
        message: t('wsMeNeedsSignIn'),
      });
    }
    return readItem('me', await this.call('me', {}, options), parseWsMe);
  }

  async getUsers(options: CallOptions = {}): Promise<WsUser[]> {
    return this.list('get_users', await this.call('get_users', {}, options), parseWsUser);
  }

  /** Teams; `client: 1` marks a client team. */
  async getUserGroups(options: CallOptions = {}): Promise<WsUserGroup[]> {
    return this.list('get_user_groups', await this.call('get_user_groups', {}, options), parseWsUserGroup);
  }

  // ---- projects ----

  async getProjects(
    options: { filter?: 'active' | 'pending' | 'archive'; extra?: readonly WsProjectExtra[] } & CallOptions = {},
  ): Promise<WsProject[]> {
    const params = { filter: options.filter, extra: joinExtra(options.extra) };
    return this.list('get_projects', await this.call('get_projects', params, options), parseWsProject);
  }

  async getProject(projectId: string, options: { extra?: readonly WsProjectExtra[] } & CallOptions = {}): Promise<WsProject> {
    const params = { id_project: requireId(projectId, 'Project id'), extra: joinExtra(options.extra) };
    return readItem('get_project', await this.call('get_project', params, options), parseWsProject);
  }

  /**
   * Account-wide changes in the last `period` ("30m", "6h", "3d"; at most
   * 360m / 72h / 30d): the one call incremental sync polls.
   */
  async getEvents(period: string, options: { projectId?: string } & CallOptions = {}): Promise<WsEvent[]> {
    return (await this.getEventFeed(period, options)).events;
  }

  /**
   * `get_events` with every event parsed on its own: known `events`, `unknown`
   * kinds (kept for their thread), and what was skipped; the findings also go
   * to `onFeedFindings`.
   */
  async getEventFeed(period: string, options: { projectId?: string } & CallOptions = {}): Promise<WsEventFeed> {
    if (!isEventPeriod(period)) {
      throw new RangeError(`"${period}" is not a get_events period (1m..360m, 1h..72h or 1d..30d)`);
    }
    const params = {
      period,
      id_project: options.projectId === undefined ? undefined : requireId(options.projectId, 'Project id'),
    };
    const feed = readEventFeed('get_events', await this.call('get_events', params, options));
    if (feed.findings.unknown.length > 0 || feed.findings.skipped.length > 0) this.onFeedFindings?.(feed.findings);
    return feed;
  }

  // ---- tasks ----

  async getTasks(
    projectId: string,
    options: { filter?: 'active'; extra?: readonly WsTaskExtra[] } & CallOptions = {},
  ): Promise<WsTask[]> {
    const params = { id_project: requireId(projectId, 'Project id'), filter: options.filter, extra: joinExtra(options.extra) };
    return this.list('get_tasks', await this.call('get_tasks', params, options), parseWsTask);
  }

  async getAllTasks(options: { filter?: 'active'; extra?: readonly WsTaskExtra[] } & CallOptions = {}): Promise<WsTask[]> {
    const params = { filter: options.filter, extra: joinExtra(options.extra) };
    return this.list('get_all_tasks', await this.call('get_all_tasks', params, options), parseWsTask);
  }

  /** Task tags (statuses and labels); `access: 'private'` lists those client teams never see. */
  async getTaskTags(options: { type?: 'status' | 'label'; access?: 'public' | 'private' } & CallOptions = {}): Promise<WsTaskTag[]> {
    const params = { type: options.type, access: options.access };
    return this.list('get_task_tags', await this.call('get_task_tags', params, options), parseWsTaskTag);
  }

  /** A task or subtask; with extra=subtasks its `child` entries are brief (§4.1). */
  async getTask(taskId: string, options: { filter?: 'active'; extra?: readonly WsTaskExtra[] } & CallOptions = {}): Promise<WsTask> {
    const params = { id_task: requireId(taskId, 'Task id'), filter: options.filter, extra: joinExtra(options.extra) };
    return readItem('get_task', await this.call('get_task', params, options), parseWsTask);
  }

  /** Creates a task, or a subtask with `parentId`; `todo` items become its checklist. */
  async postTask(input: PostTaskInput, options: CallOptions = {}): Promise<WsTask> {
    return readItem('post_task', await this.call('post_task', this.postTaskParams(input), options), parseWsTask);
  }

  /**
   * How many bytes the post_task request line for `input` would exceed the
   * common 8 KB limit by in the scheme in use (0 when it fits): the md5 query
   * scheme carries every parameter in the URL; the header scheme's JSON body has
   * no such limit.
   */
  postTaskOverflow(input: PostTaskInput): number {
    if (this.scheme !== 'query') return 0;
    return Math.max(0, requestLineLength(this.wireRequest('post_task', this.postTaskParams(input))) - MAX_REQUEST_LINE);
  }

  private postTaskParams(input: PostTaskInput): WsParams {
    if (!input.title.trim()) throw new RangeError('A task needs a title');
    return {
      id_project: requireId(input.projectId, 'Project id'),
      title: input.title,
      id_parent: input.parentId === undefined ? undefined : requireId(input.parentId, 'Parent task id'),
      email_user_from: input.emailUserFrom,
      email_user_to: input.emailUserTo,
      priority: requirePriority(input.priority),
      text: input.text,
      todo: nonEmptyList(input.todo),
      datestart: this.inputDate(input.dateStart),
      dateend: this.inputDate(input.dateEnd),
      subscribe: joinList(input.subscribe),
      hidden: joinList(input.hidden),
      mention: joinList(input.mention),
      max_time: input.maxTime,
      max_money: input.maxMoney,
      tags: joinList(input.tags),
    };
  }

  async updateTask(input: UpdateTaskInput, options: CallOptions = {}): Promise<WsTask> {
    const params: WsParams = {
      id_task: requireId(input.taskId, 'Task id'),
      title: input.title,
      email_user_to: input.emailUserTo,
      priority: requirePriority(input.priority),
      datestart: this.inputDate(input.dateStart),
      dateend: this.inputDate(input.dateEnd),
      dateclosed: this.inputDate(input.dateClosed),
      max_time: input.maxTime,
      max_money: input.maxMoney,
    };
    return readItem('update_task', await this.call('update_task', params, options), parseWsTask);
  }

  /** Closes a task. Fails with code 13 while it has open subtasks, 12 if already closed. */
  async completeTask(taskId: string, options: CallOptions = {}): Promise<WsTask | undefined> {
    const envelope = await this.call('complete_task', { id_task: requireId(taskId, 'Task id') }, options);
    // The collection shows the task in `data`; some writes answer a bare {"status":"ok"}.
    return envelope.data === undefined ? undefined : readItem('complete_task', envelope, parseWsTask);
  }

  // ---- comments ----

  /** Newest first. */
  async getComments(taskId: string, options: { extra?: readonly 'files'[] } & CallOptions = {}): Promise<WsComment[]> {
    const params = { id_task: requireId(taskId, 'Task id'), extra: joinExtra(options.extra) };
    return this.list('get_comments', await this.call('get_comments', params, options), parseWsComment);
  }

  async postComment(input: PostCommentInput, options: CallOptions = {}): Promise<WsComment> {
    const todo = nonEmptyList(input.todo);
    if (!input.text?.trim() && !todo) throw new RangeError('A comment needs text or checklist items');
    const params: WsParams = {
      id_task: requireId(input.taskId, 'Task id'),
      email_user_from: input.emailUserFrom,
      text: input.text,
      todo,
      hidden: joinList(input.hidden),
      mention: joinList(input.mention),
    };
    return readItem('post_comment', await this.call('post_comment', params, options), parseWsComment);
  }

  // ---- costs ----

  /** Time entries with their sums. */
  async getCosts(
    options: { projectId?: string; taskId?: string; dateStart?: DateInput; dateEnd?: DateInput } & CallOptions = {},
  ): Promise<WsCosts> {
    const params = {
      id_project: options.projectId === undefined ? undefined : requireId(options.projectId, 'Project id'),
      id_task: options.taskId === undefined ? undefined : requireId(options.taskId, 'Task id'),
      datestart: this.inputDate(options.dateStart),
      dateend: this.inputDate(options.dateEnd),
    };
    return readCosts('get_costs', await this.call('get_costs', params, options));
  }

  async getCostsTotal(
    options: {
      projectId?: string;
      dateStart?: DateInput;
      dateEnd?: DateInput;
      extra?: readonly WsCostsTotalExtra[];
    } & CallOptions = {},
  ): Promise<WsCostsTotal> {
    const params = {
      id_project: options.projectId === undefined ? undefined : requireId(options.projectId, 'Project id'),
      datestart: this.inputDate(options.dateStart),
      dateend: this.inputDate(options.dateEnd),
      extra: joinExtra(options.extra),
    };
    return readCostsTotal('get_costs_total', await this.call('get_costs_total', params, options));
  }

  /** Logs time on a task; answers the new entry's id. */
  async addCosts(input: AddCostsInput, options: CallOptions = {}): Promise<{ id: string }> {
    const params: WsParams = {
      id_task: requireId(input.taskId, 'Task id'),
      time: minutesToWsTime(input.time),
      comment: input.comment,
      date: this.inputDate(input.date),
      email_user_from: input.emailUserFrom,
    };
    return readCreatedId('add_costs', await this.call('add_costs', params, options));
  }

  private inputDate(value: DateInput | undefined): string | undefined {
    return value === undefined ? undefined : toWsInputDate(value, this.timeZone);
  }
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
