/**
 * How long the demo market takes to store its start-up history on an empty database:
 * the simulated feed's two years of day-ahead hours, load, daily settlements and curves,
 * then its detailed last week, all through market data's ingest path. Then a restart on
 * the same database, which backfills only the gap. Prints the two times side by side.
 * Usage: npm run bench:demo-market [-- historyDays] (PGlite in a temporary directory)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createMarketDataModule } from '../src/modules/market-data/index.js';
import { ManualClock } from '../src/platform/clock.js';
import { openPlatform } from '../src/platform/runtime.js';
import { formatTable } from './lib/latency.js';

const historyDays = Number(process.argv[2] ?? 730);
const NOW = Date.UTC(2026, 11, 3, 6, 30);

/** Wall time and this process's CPU time (user + system), in ms: on a shared machine the CPU time is the honest figure. */
async function start(dataDir: string, clock: ManualClock): Promise<{ wall: number; cpu: number }> {
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    JWT_SECRET: 'bench-demo-market-secret-0123456789abcdef',
    MARKET_FEED: 'simulator',
    MARKET_FEED_INTERVAL_MS: '3600000',
    MARKET_HISTORY_DAYS: String(historyDays),
  });
  const platform = await openPlatform({ dataDir, redisPrefix: config.REDIS_PREFIX });
  const app = await buildApp({
    config,
    platform,
    jwtSecrets: [config.JWT_SECRET!],
    clock,
    logger:
      process.env.LOG_LEVEL === 'info'
        ? { write: (line: string) => process.stderr.write(line) }
        : false,
    modules: [createMarketDataModule()],
    seed: { adminPassword: 'bench-admin-password', demoPassword: undefined },
  });
  await app.ready();
  const wall = performance.now() - began;
  const used = process.cpuUsage(cpuBefore);
  await app.close();
  await platform.close();
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const secs = (ms: number): string => (ms / 1000).toFixed(1);

const dir = mkdtempSync(path.join(tmpdir(), 'demo-market-'));
try {
  const clock = new ManualClock(NOW);
  const first = await start(dir, clock);
  clock.set(NOW + 3 * 3_600_000);
  const restart = await start(dir, clock);
  console.log(
    formatTable(
      ['start', 'history days', 'wall s', 'cpu s'],
      [
        ['empty database', String(historyDays), secs(first.wall), secs(first.cpu)],
        ['restart 3 h later', '-', secs(restart.wall), secs(restart.cpu)],
      ],
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
