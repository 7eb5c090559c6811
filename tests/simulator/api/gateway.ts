// One API request end to end: count it, apply the rate limit and any injected
// fault, check the credentials, run the action, and answer like Worksection
// (errors as HTTP 200 envelopes, except OAuth's 401 and the faults' 429/500).

import { setTimeout as sleep } from 'node:timers/promises';
import type { SimClock } from '../clock.ts';
import { FaultBook } from '../faults.ts';
import type { Store } from '../model.ts';
import { runAction } from './actions.ts';
import { bearerToken, checkToken, type Caller } from './auth.ts';
import { adminHeaderIsValid, rawQueryHashIsValid, rebuiltQueryHashIsValid, type AuthMode } from './wire.ts';
import { ApiFailure, CODE, type ErrorEnvelope } from './errors.ts';
import { Params } from './params.ts';

export interface ApiRequest {
  /** /api/admin/v2/ (admin key) or /api/oauth2 (access token). */
  kind: 'admin' | 'oauth';
  rawQuery: string;
  authorization?: string;
  contentType: string;
  bodyText: string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ApiStats {
  total: number;
  byAction: Record<string, number>;
}

/** A write the API carried out, as tests ask about it: who it was made as. */
export interface WriteRecord {
  action: string;
  /** `email_user_from` exactly as sent; null when the request had none. */
  emailUserFrom: string | null;
  /** The admin key, or an OAuth token (whose writes are always its user's). */
  auth: 'admin' | 'oauth';
  /** The id the answer names (the new task, comment or cost), when it names one. */
  id: string | null;
  /** ISO instant on the simulator clock. */
  at: string;
}

/** Reads and `me` change nothing; everything else the API answers is a write. */
const isWriteAction = (action: string | undefined): action is string => action !== undefined && !action.startsWith('get_') && action !== 'me';

function answerId(answer: Record<string, unknown>): string | null {
  const data = answer.data as { id?: unknown } | undefined;
  const id = answer.id ?? data?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

function envelope(code: number, message: string): ErrorEnvelope {
  return { status: 'error', status_code: code, message };
}

export const RATE_LIMIT_MESSAGE = 'Too many requests';

export class ApiGateway {
  readonly faults = new FaultBook();
  private counts = new Map<string, number>();
  private total = 0;
  private recentCalls: number[] = [];
  /** Which admin wire schemes are accepted (api/wire.ts). */
  authMode: AuthMode = 'both';
  /** When set, a header-scheme `t` further than this from the simulator clock is refused. */
  clockToleranceSeconds: number | undefined;
  /** How each accepted admin request was signed, for tests: 'header', 'md5-rebuilt' or 'md5-raw'. */
  readonly schemesSeen: string[] = [];
  /** Every write carried out, oldest first, with the `email_user_from` it was sent with. */
  readonly writes: WriteRecord[] = [];

  constructor(
    private readonly store: () => Store,
    private readonly clock: SimClock,
    private readonly apiKey: string,
    public rateLimitPerSecond: number,
    private readonly realNow: () => number = () => performance.now(),
  ) {}

  /** The OAuth server's word on tokens from a refreshed or revoked pair, and where API users are noted (oauth.ts). */
  oauth: { isRevoked(jti: string): boolean; noteApiUser(userId: string): void } | undefined;

  stats(): ApiStats {
    return { total: this.total, byAction: Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b))) };
  }

  resetStats(): void {
    this.counts.clear();
    this.total = 0;
    this.recentCalls = [];
    this.writes.length = 0;
  }

  async handle(request: ApiRequest): Promise<HttpAnswer> {
    const answer = await this.answer(request);
    // Like any web server, the API says what time it is (in simulator time): clients correct a skewed clock with it.
    return { ...answer, headers: { ...answer.headers, date: this.clock.now().toUTCString() } };
  }

  private async answer(request: ApiRequest): Promise<HttpAnswer> {
    let params: Params;
    try {
      params = Params.parse(request.rawQuery, { contentType: request.contentType, text: request.bodyText });
    } catch (error) {
      this.count('(unreadable)');
      if (error instanceof ApiFailure) return json(200, error.envelope());
      throw error;
    }
    const action = params.action();
    this.count(action ?? '(none)');

    if (this.overRateLimit()) {
      return json(429, envelope(CODE.rateLimited, RATE_LIMIT_MESSAGE), { 'retry-after': '1' });
    }
    const fault = this.faults.take(action ?? '(none)');
    if (fault) {
      switch (fault.kind) {
        case 'delay':
          await sleep(fault.delayMs);
          break;
        case 'http-500':
          return { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body><h1>500 Internal Server Error</h1></body></html>' };
        case 'error-envelope':
          return json(200, envelope(CODE.serverError, 'Internal error, please try again later'));
        case 'rate-limit':
          return json(429, envelope(CODE.rateLimited, RATE_LIMIT_MESSAGE), { 'retry-after': String(Math.max(1, Math.ceil(fault.delayMs / 1000))) });
        case 'rate-limit-envelope':
          return json(200, envelope(CODE.rateLimited, `${RATE_LIMIT_MESSAGE}: the API rate limit is exceeded, try again later`));
      }
    }

    const caller = this.authenticate(request, params);
    if ('answer' in caller) return caller.answer;
    try {
      const now = this.clock.now();
      const answer = runAction({ store: this.store(), caller, now }, action, params);
      if (isWriteAction(action)) {
        this.writes.push({
          action,
          emailUserFrom: params.get('email_user_from') ?? null,
          auth: caller.mode === 'admin' ? 'admin' : 'oauth',
          id: answerId(answer as Record<string, unknown>),
          at: now.toISOString(),
        });
      }
      return json(200, answer);
    } catch (error) {
      if (error instanceof ApiFailure) return json(200, error.envelope());
      throw error;
    }
  }

  private count(action: string): void {
    this.total += 1;
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
  }

  /** Sliding one-second window over the calls it let through. */
  private overRateLimit(): boolean {
    if (this.rateLimitPerSecond <= 0) return false;
    const now = this.realNow();
    this.recentCalls = this.recentCalls.filter((at) => at > now - 1000);
    if (this.recentCalls.length >= this.rateLimitPerSecond) return true;
    this.recentCalls.push(now);
    return false;
  }

  /** The admin scheme this request passes under the current mode, or null. */
  private adminScheme(request: ApiRequest, params: Params): 'header' | 'md5-rebuilt' | 'md5-raw' | null {
    if (request.authorization?.startsWith('Admin ')) {
      if (this.authMode === 'md5') return null;
      const valid = adminHeaderIsValid(request.authorization, params.action(), this.apiKey, Math.floor(this.clock.nowMs() / 1000), this.clockToleranceSeconds);
      return valid ? 'header' : null;
    }
    if (this.authMode === 'header') return null;
    if (rebuiltQueryHashIsValid(request.rawQuery, this.apiKey)) return 'md5-rebuilt';
    if (this.authMode === 'both' && rawQueryHashIsValid(request.rawQuery, this.apiKey)) return 'md5-raw';
    return null;
  }

  private authenticate(request: ApiRequest, params: Params): Caller | { answer: HttpAnswer } {
    if (request.kind === 'admin') {
      const scheme = this.adminScheme(request, params);
      if (scheme) {
        this.schemesSeen.push(scheme);
        return { mode: 'admin' };
      }
      return { answer: json(200, envelope(CODE.hashInvalid, 'Action hash is missed or invalid')) };
    }
    const token = bearerToken(request.authorization, params.get('access_token'));
    const check = token === undefined ? ({ ok: false, reason: 'invalid' } as const) : checkToken(token, this.clock.nowMs());
    const revoked = check.ok && this.oauth?.isRevoked(check.jti) === true;
    if (check.ok && !revoked && this.store().user(check.userId)) {
      this.oauth?.noteApiUser(check.userId);
      return { mode: 'user', userId: check.userId };
    }
    const expired = !check.ok && check.reason === 'expired';
    // A token from a pair that was refreshed since (or whose grant was revoked) no longer works.
    const message = expired ? 'Access token is expired' : revoked ? 'Access token has been revoked' : 'Access token is invalid';
    return {
      answer: json(401, envelope(CODE.tokenInvalid, message), {
        'www-authenticate': `Bearer error="invalid_token"`,
      }),
    };
  }
}
