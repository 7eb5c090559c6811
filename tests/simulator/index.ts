// The Worksection simulator: an HTTPS server that imitates one Worksection
// account (API v2 and web pages) for end-to-end tests, `npm start` and the
// benchmark. Chromium reaches it as https://demo.worksection.com through
// --host-resolver-rules. See README.md in this folder.

import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { issueToken } from './api/auth.ts';
import type { AuthMode } from './api/wire.ts';
import { ApiGateway } from './api/gateway.ts';
import { simulatorCertificate } from './certificate.ts';
import { SimClock } from './clock.ts';
import { createControl, type SimulatorControl } from './control.ts';
import { assertTimeZone } from './format.ts';
import type { Store } from './model.ts';
import { seedDemoAccount } from './seed.ts';
import { createRequestHandler, type RequestLogEntry } from './server.ts';

export type { SimulatorControl, TaskTreeView, CommentView, CostView, DataView, ClockView, PersonView, WaitingThreadView } from './control.ts';
export type { FaultKind, FaultSpec, FaultState } from './faults.ts';
export type { ApiStats, WriteRecord } from './api/gateway.ts';
export type { AuthMode } from './api/wire.ts';
export type { RequestLogEntry } from './server.ts';
export { SimulatorInputError } from './faults.ts';

export const DEMO_ACCOUNT = 'demo';
/** The demo account's admin API key (what the owner copies from Account → Security → Admin API). */
export const DEMO_API_KEY = '5d6f2c1a9e8b47d3a0c4e7f19b2d8c63';
/** Owner of the demo account ("Account Desk Demo"); the OAuth token below acts as this user. */
export const DEMO_OWNER_ID = '3993';
/** A JWT-shaped access token accepted as Bearer on /api/oauth2 for the owner. Never expires. */
export const DEMO_OAUTH_TOKEN: string = issueToken(DEMO_OWNER_ID);

export interface SimulatorOptions {
  /** 0 = random (default). */
  port?: number;
  /** Simulator clock start; default real now. The clock then runs with real time. */
  now?: Date;
  /** PRNG seed for the demo data; default 1. */
  seed?: number;
  /** Default 0 = off; when set, more API calls than that within a second get the rate-limit answer (HTTP 429). */
  rateLimitPerSecond?: number;
  /** Account time zone for output dates (IANA name); default UTC. */
  timeZone?: string;
  /** Which admin wire schemes the API accepts (api/wire.ts); default 'both'. */
  authMode?: AuthMode;
  /** Called once per request served. */
  log?: (entry: RequestLogEntry) => void;
}

export interface Simulator {
  port: number;
  /** 'https://demo.worksection.com' */
  origin: string;
  /** For Chromium's --host-resolver-rules: 'MAP *.worksection.com 127.0.0.1:<port>' */
  hostRules: string;
  apiKey: string;
  /** Same operations as the /__sim/ HTTP routes, in-process. */
  control: SimulatorControl;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const seed = options.seed ?? 1;
  const rateLimit = options.rateLimitPerSecond ?? 0;
  if (!Number.isInteger(rateLimit) || rateLimit < 0) throw new RangeError(`rateLimitPerSecond must be an integer ≥ 0; got ${rateLimit}`);
  const start = options.now ?? new Date();
  if (Number.isNaN(start.getTime())) throw new RangeError('now is not a valid date');

  const origin = `https://${DEMO_ACCOUNT}.worksection.com`;
  const seedAt = (now: Date): Store => seedDemoAccount({ now, seed, timeZone, subdomain: DEMO_ACCOUNT });
  let store = seedAt(start);
  const clock = new SimClock(start);
  const gateway = new ApiGateway(() => store, clock, DEMO_API_KEY, rateLimit);
  if (options.authMode) gateway.authMode = options.authMode;
  const control = createControl(
    {
      store: () => store,
      reseed(now, frozen) {
        store = seedAt(now);
        clock.freeze(frozen);
        clock.set(now);
      },
      clock,
      gateway,
      origin,
    },
    // Without an explicit start the demo follows real time, so a reset re-seeds around "now".
    () => options.now ?? new Date(),
  );

  const { key, cert } = await simulatorCertificate();
  const server = createServer({ key, cert }, createRequestHandler({
    store: () => store, clock, gateway, control, subdomain: DEMO_ACCOUNT, ...(options.log ? { log: options.log } : {}),
  }));
  const port = await listen(server, options.port ?? 0);
  return {
    port,
    origin,
    hostRules: `MAP *.worksection.com 127.0.0.1:${port}`,
    apiKey: DEMO_API_KEY,
    control,
    close: () => close(server),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
