// Talking to a simulator the way a browser mapped onto it would: TLS to
// 127.0.0.1:<port> with the account's host name as SNI and Host.

import { createHash } from 'node:crypto';
import { request } from 'node:https';
import { Window } from 'happy-dom';
import type { Simulator } from '../../simulator/index.ts';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

export interface CallOptions {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function call(sim: Simulator, path: string, options: CallOptions = {}): Promise<Reply> {
  const host = options.host ?? 'demo.worksection.com';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: host,
        path,
        method: options.method ?? 'GET',
        rejectUnauthorized: false,
        headers: { host, ...(options.headers ?? {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** `k=v&…` with values percent-encoded (spaces as %20), in the given order. */
export function query(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

export function sign(rawQuery: string, apiKey: string): string {
  return `${rawQuery}&hash=${createHash('md5').update(rawQuery + apiKey).digest('hex')}`;
}

/** An admin API call signed like the official clients: md5(query + key), hash last. */
export async function admin(sim: Simulator, params: ReadonlyArray<readonly [string, string]>, options: CallOptions = {}): Promise<any> {
  const reply = await call(sim, `/api/admin/v2/?${sign(query(params), sim.apiKey)}`, options);
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.text.slice(0, 200)}`);
  return reply.json();
}

export async function oauth(sim: Simulator, token: string, params: ReadonlyArray<readonly [string, string]>): Promise<Reply> {
  return call(sim, `/api/oauth2?${query(params)}`, { headers: { authorization: `Bearer ${token}` } });
}

/** Parses HTML without running its scripts. */
export function parseHtml(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export const minutesAgo = (now: Date, minutes: number): Date => new Date(now.getTime() - minutes * 60_000);
