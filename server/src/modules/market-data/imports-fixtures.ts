import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { ManualClock } from '../../platform/clock.js';
import { openPlatform } from '../../platform/runtime.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, type TestApp } from '../../test-support/harness.js';
import type { FetchLike } from './adapters/adapter.js';
import { createMarketDataModule } from './index.js';

/**
 * An app with only the market-data module, whose scheduled imports reach the sources
 * through `fetch` (recorded responses in tests). The harness builds the standard
 * modules, which take no fetch, so this builds its own app the way the harness does:
 * PGlite by default, a fresh schema of DATABASE_URL and a fresh Redis prefix when set.
 */
export async function startImportTestApp(opts: {
  env: Record<string, string>;
  fetch: FetchLike;
  clock: ManualClock;
  logger?: { write(line: string): void };
}): Promise<TestApp> {
  const databaseUrl = process.env.DATABASE_URL;
  let schema = 'public';
  let schemaUrl: string | undefined;
  if (databaseUrl) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    schemaUrl = url.toString();
  }
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory',
    JWT_SECRET: secret,
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    ...opts.env,
  });
  const platform = await openPlatform({
    databaseUrl: schemaUrl,
    redisUrl: process.env.REDIS_URL,
    dataDir: 'memory',
    redisPrefix: `eo-test-${randomBytes(4).toString('hex')}:`,
  });
  const app = await buildApp({
    config,
    platform,
    jwtSecrets: [secret],
    clock: opts.clock,
    logger: opts.logger ?? false,
    modules: [createMarketDataModule({ importFetch: opts.fetch })],
    seed: { adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD },
  });
  await app.ready();
  return {
    app,
    platform,
    clock: opts.clock,
    schema,
    async close() {
      await app.close();
      await platform.close();
      if (!databaseUrl) return;
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}
