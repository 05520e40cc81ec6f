import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../platform/clock.js';
import { openPlatform } from '../platform/runtime.js';
import { freshSchema } from './schema.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, type TestApp } from './harness.js';

/**
 * Two app instances on one PostgreSQL schema, as two API servers behind a load
 * balancer; they find their one Redis namespace from the database, as production
 * instances do. The harness gives each app its own database, so this builds the pair
 * itself. Needs DATABASE_URL and REDIS_URL.
 */
export async function startTwoInstances(): Promise<[TestApp, TestApp]> {
  const databaseUrl = process.env.DATABASE_URL!;
  const fresh = await freshSchema(databaseUrl, 't');
  const { schema, url } = fresh;
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
        if (last) await fresh.drop();
      },
    };
  };
  const first = await start(false);
  return [first, await start(true)];
}
