// The HTTPS front door: routes on the Host header (demo.worksection.com is the
// seeded account, second.worksection.com a second one; other worksection hosts
// are not accounts), then to the API, the web pages or the /__sim/ control routes.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiGateway, HttpAnswer } from './api/gateway.ts';
import type { SimClock } from './clock.ts';
import type { SimulatorControl } from './control.ts';
import { handleControl } from './control-http.ts';
import type { Store } from './model.ts';
import type { OAuthServer } from './oauth.ts';
import { handlePage, type WebAnswer } from './pages/router.ts';
import { unknownAccountHtml } from './pages/views.ts';

export interface RequestLogEntry {
  method: string;
  host: string;
  path: string;
  /** The API action, for API calls. */
  action?: string;
  status: number;
  ms: number;
}

export interface ServerParts {
  store(): Store;
  clock: SimClock;
  gateway: ApiGateway;
  control: SimulatorControl;
  /** Worksection's OAuth server on the bare worksection.com host. */
  oauth: OAuthServer;
  subdomain: string;
  /** More accounts by subdomain (second.worksection.com): each with its own data, API and control. */
  otherAccounts?: ReadonlyMap<string, AccountParts>;
  log?: (entry: RequestLogEntry) => void;
}

export type AccountParts = Pick<ServerParts, 'store' | 'gateway' | 'control'>;

const MAX_BODY = 1024 * 1024;
/** The OAuth server is global, not per account (api-reference §1.1). */
const OAUTH_HOST = /^(?:www\.)?worksection\.com$/;
const ACCOUNT_HOST = /^([a-z0-9][a-z0-9-]*)\.worksection\.(?:com|eu|net)$/;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: HttpAnswer | WebAnswer, method: string): void {
  response.writeHead(answer.status, answer.headers);
  response.end(method === 'HEAD' ? undefined : answer.body);
}

export function createRequestHandler(parts: ServerParts) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(request.url ?? '/', 'https://simulator.invalid');
    const rawQuery = (request.url ?? '').includes('?') ? (request.url ?? '').slice((request.url ?? '').indexOf('?') + 1) : '';
    let answer: HttpAnswer | WebAnswer;
    let action: string | undefined;
    try {
      const bodyText = await readBody(request);
      const contentType = request.headers['content-type'] ?? '';
      answer = await route({ method, host, url, rawQuery, bodyText, contentType, request }, parts, (name) => {
        action = name;
      });
    } catch (error) {
      answer = error instanceof BodyTooLarge
        ? { status: 413, headers: { 'content-type': 'text/plain' }, body: 'Request body too large' }
        : { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Simulator error: ${error instanceof Error ? error.stack ?? error.message : String(error)}` };
    }
    if (!response.destroyed) send(response, answer, method);
    parts.log?.({ method, host, path: url.pathname, ...(action ? { action } : {}), status: answer.status, ms: Math.round(performance.now() - started) });
  };
}

interface Routed {
  method: string;
  host: string;
  url: URL;
  rawQuery: string;
  bodyText: string;
  contentType: string;
  request: IncomingMessage;
}

async function route(input: Routed, parts: ServerParts, noteAction: (action: string) => void): Promise<HttpAnswer | WebAnswer> {
  const { url, method } = input;
  if (OAUTH_HOST.test(input.host)) {
    const answer = parts.oauth.handle(method, url, input.contentType, input.bodyText);
    if (answer) return answer;
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  }
  const account = ACCOUNT_HOST.exec(input.host)?.[1];
  const served: AccountParts | undefined = account === parts.subdomain ? parts : account === undefined ? undefined : parts.otherAccounts?.get(account);
  if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
    // On another account's host, that account's control; on any other host, the demo's.
    return handleControl((served ?? parts).control, method, url.pathname, url.searchParams, input.bodyText);
  }
  if (!served) {
    return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: unknownAccountHtml(input.host || 'this address') };
  }
  const apiKind = /^\/api\/admin\/v2\/?$/.test(url.pathname) ? 'admin' : /^\/api\/oauth2\/?$/.test(url.pathname) ? 'oauth' : null;
  if (apiKind) {
    if (method !== 'GET' && method !== 'POST') {
      return { status: 405, headers: { allow: 'GET, POST', 'content-type': 'text/plain' }, body: 'Method not allowed' };
    }
    const action = url.searchParams.get('action');
    if (action) noteAction(action);
    const authorization = input.request.headers.authorization;
    return served.gateway.handle({
      kind: apiKind,
      rawQuery: input.rawQuery,
      ...(authorization ? { authorization } : {}),
      contentType: input.contentType,
      bodyText: method === 'POST' ? input.bodyText : '',
    });
  }
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    return { status: 405, headers: { allow: 'GET, POST', 'content-type': 'text/plain' }, body: 'Method not allowed' };
  }
  return handlePage(served.store(), parts.clock, {
    method: method === 'HEAD' ? 'GET' : method,
    path: url.pathname,
    search: url.searchParams,
    xhr: (input.request.headers['x-requested-with'] ?? '').toString().toLowerCase() === 'xmlhttprequest',
    contentType: input.contentType,
    bodyText: input.bodyText,
  });
}
