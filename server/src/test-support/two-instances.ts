import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../platform/clock.js';
import { openPlatform } from '../platform/runtime.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, type TestApp } from './harness.js';

/**
 * Two app instances on one PostgreSQL schema, as two API servers behind a load
 * balancer; they find their one Redis namespace from the database, as production
 * instances do. The harness gives each app its own database, so this builds the pair
 * itself. Needs DATABASE_URL and REDIS_URL.
 */
export async function startTwoInstances(): Promise<[TestApp, TestApp]> {
  const databaseUrl = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const secret = randomBytes(32).toString('hex');
  const start = async (last: boolean): Promise<TestApp> => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: 'memory',
      JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    });
    const platform = await openPlatform({
      databaseUrl: url.toString(),
      redisUrl: process.env.REDIS_URL,
      dataDir: 'memory',
    });
    const app = await buildApp({
      config,
      platform,
      jwtSecrets: [secret],
      clock: systemClock,
      logger: false,
      seed: { adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD },
    });
    await app.ready();
    return {
      app,
      platform,
      clock: systemClock,
      schema,
      async close() {
        await app.close();
        await platform.close();
        if (!last) return;
        const dropper = new pg.Client({ connectionString: databaseUrl });
        await dropper.connect();
        await dropper.query(`drop schema ${schema} cascade`);
        await dropper.end();
      },
    };
  };
  const first = await start(false);
  return [first, await start(true)];
}
