// `npx tsx tests/simulator/cli.ts [--port N] [--seed N] [--now ISO] [--time-zone Z] [--rate-limit N]`
// Starts one simulator, prints one JSON line {port, origin, hostRules, apiKey},
// then one line per request; stops cleanly on SIGINT/SIGTERM.

import { startSimulator, type Simulator, type SimulatorOptions } from './index.ts';

const DEFAULT_PORT = 8443;

function parseArgs(argv: string[]): SimulatorOptions & { port?: number } {
  const options: SimulatorOptions = {};
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    const need = (): string => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      index += 1;
      return value;
    };
    const integer = (): number => {
      const text = need();
      if (!/^\d+$/.test(text)) throw new Error(`${flag} needs a whole number; got ${text}`);
      return Number(text);
    };
    switch (flag) {
      case '--port': options.port = integer(); break;
      case '--seed': options.seed = integer(); break;
      case '--rate-limit': options.rateLimitPerSecond = integer(); break;
      case '--time-zone': options.timeZone = need(); break;
      case '--now': {
        const now = new Date(need());
        if (Number.isNaN(now.getTime())) throw new Error(`--now needs an ISO date-time; got ${value}`);
        options.now = now;
        break;
      }
      case '--help':
        process.stdout.write('Usage: tsx tests/simulator/cli.ts [--port N] [--seed N] [--now ISO] [--time-zone Zone] [--rate-limit N]\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag} (try --help)`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log: SimulatorOptions['log'] = (entry) => {
    const what = entry.action ? `${entry.path} ${entry.action}` : entry.path;
    process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${entry.method} ${entry.host} ${what} → ${entry.status} ${entry.ms}ms\n`);
  };
  let simulator: Simulator;
  if (options.port !== undefined) {
    simulator = await startSimulator({ ...options, log });
  } else {
    // 8443 when free, otherwise any port.
    try {
      simulator = await startSimulator({ ...options, port: DEFAULT_PORT, log });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      simulator = await startSimulator({ ...options, port: 0, log });
    }
  }
  const { port, origin, hostRules, apiKey } = simulator;
  process.stdout.write(`${JSON.stringify({ port, origin, hostRules, apiKey })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    simulator.close().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
