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
import { DEMO_CATALOG, type AccountCatalog } from './seed-catalog.ts';
import { SECOND_CATALOG } from './seed-catalog-second.ts';
import { seedDemoAccount } from './seed.ts';
import { OAuthServer } from './oauth.ts';
import { createRequestHandler, type RequestLogEntry } from './server.ts';

export type { SimulatorControl, TaskTreeView, CommentView, CostView, DataView, ClockView, PersonView, WaitingThreadView } from './control.ts';
export type { FaultKind, FaultSpec, FaultState } from './faults.ts';
export type { ApiStats, WriteRecord } from './api/gateway.ts';
export type { AuthMode } from './api/wire.ts';
export type { RequestLogEntry } from './server.ts';
export { SimulatorInputError } from './faults.ts';
export { DEMO_OAUTH_APP, type OAuthStats, type OAuthLifetimes } from './oauth.ts';

export const DEMO_ACCOUNT = 'demo';
export const SECOND_ACCOUNT = 'second';
/** The second account's admin API key. */
export const SECOND_API_KEY = 'b7e4a1c9d2f64e08a5c3b1d7e9f20a46';
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
  /**
   * For Chromium's --host-resolver-rules: 'MAP *.worksection.com 127.0.0.1:<port>, MAP worksection.com 127.0.0.1:<port>'
   * (a wildcard does not match the bare domain, where the OAuth server lives).
   */
  hostRules: string;
  apiKey: string;
  /** Same operations as the /__sim/ HTTP routes, in-process. */
  control: SimulatorControl;
  /**
   * A second account, "Kvitka Studio" at https://second.worksection.com, with
   * its own people, projects, API key, faults and statistics (the clock is
   * shared). Its project 8506 and many of its task ids exist in the demo
   * account too, as ids of different accounts can.
   */
  second: { origin: string; apiKey: string; control: SimulatorControl };
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

  const clock = new SimClock(start);
  // Without an explicit start the accounts follow real time, so a reset re-seeds around "now".
  const resetNow = () => options.now ?? new Date();
  const demo = simulatedAccount({ subdomain: DEMO_ACCOUNT, apiKey: DEMO_API_KEY, catalog: DEMO_CATALOG, seed, timeZone, start, clock, rateLimit, resetNow, ...(options.authMode ? { authMode: options.authMode } : {}) });
  const second = simulatedAccount({ subdomain: SECOND_ACCOUNT, apiKey: SECOND_API_KEY, catalog: SECOND_CATALOG, seed, timeZone, start, clock, rateLimit, resetNow });

  const { key, cert } = await simulatorCertificate();
  const server = createServer({ key, cert }, createRequestHandler({
    store: demo.store, clock, gateway: demo.gateway, control: demo.control, oauth: demo.oauth, subdomain: DEMO_ACCOUNT,
    otherAccounts: new Map([[SECOND_ACCOUNT, { store: second.store, gateway: second.gateway, control: second.control }]]),
    ...(options.log ? { log: options.log } : {}),
  }));
  const port = await listen(server, options.port ?? 0);
  return {
    port,
    origin: demo.origin,
    // Worksection's OAuth server is on the bare worksection.com, which *.worksection.com does not cover.
    hostRules: `MAP *.worksection.com 127.0.0.1:${port}, MAP worksection.com 127.0.0.1:${port}`,
    apiKey: DEMO_API_KEY,
    control: demo.control,
    second: { origin: second.origin, apiKey: SECOND_API_KEY, control: second.control },
    close: () => close(server),
  };
}

interface AccountSetup {
  subdomain: string;
  apiKey: string;
  catalog: AccountCatalog;
  seed: number;
  timeZone: string;
  start: Date;
  /** Shared by every account of the simulator: one simulated "now". */
  clock: SimClock;
  rateLimit: number;
  authMode?: AuthMode;
  resetNow(): Date;
}

/** One account: its data, its API (with its own key, faults and statistics) and its control. */
function simulatedAccount(setup: AccountSetup) {
  const origin = `https://${setup.subdomain}.worksection.com`;
  const seedAt = (now: Date): Store => seedDemoAccount({ now, seed: setup.seed, timeZone: setup.timeZone, subdomain: setup.subdomain, catalog: setup.catalog });
  let store = seedAt(setup.start);
  const gateway = new ApiGateway(() => store, setup.clock, setup.apiKey, setup.rateLimit);
  if (setup.authMode) gateway.authMode = setup.authMode;
  // Each account's own OAuth grants; the server on worksection.com is the demo account's (its tokens' account_url).
  const oauth = new OAuthServer(() => store, setup.clock, origin);
  gateway.oauth = oauth;
  const control = createControl(
    {
      store: () => store,
      reseed(now, frozen) {
        store = seedAt(now);
        setup.clock.freeze(frozen);
        setup.clock.set(now);
      },
      clock: setup.clock,
      gateway,
      oauth,
      origin,
    },
    setup.resetNow,
  );
  return { origin, store: () => store, gateway, control, oauth };
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
