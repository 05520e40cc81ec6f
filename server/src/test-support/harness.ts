import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { RegisterModule } from '../modules/registry.js';
import { systemClock, type Clock, type ManualClock } from '../platform/clock.js';
import { openPlatform, type Platform } from '../platform/runtime.js';
import { freshSchema } from './schema.js';

export const ADMIN_PASSWORD = 'Test-Admin-Passw0rd';
export const DEMO_PASSWORD = 'Test-Demo-Passw0rd';

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  clock: Clock;
  /** The database schema this app lives in on PostgreSQL; `public` on PGlite. */
  schema: string;
  close(): Promise<void>;
}

/**
 * An app on a throwaway database: in-memory PGlite by default, or a fresh schema on
 * the PostgreSQL of DATABASE_URL (and, on REDIS_URL, keys under that database's own prefix), so that
 * the same API suite runs against the real servers in CI.
 */
export async function startTestApp(
  opts: {
    env?: Record<string, string>;
    clock?: ManualClock;
    logger?: { write(line: string): void };
    /** Domain modules to build instead of the standard ones (e.g. one module with test doubles). */
    modules?: RegisterModule[];
    /** False lets unstorable text past the gateway, for tests of what stands behind it. */
    storableTextCheck?: boolean;
  } = {},
): Promise<TestApp> {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  const fresh = databaseUrl ? await freshSchema(databaseUrl, 't') : undefined;
  const schema = fresh?.schema ?? 'public';
  const schemaUrl = fresh?.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory',
    LOG_LEVEL: 'info',
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    ...opts.env,
  });
  const platform = await openPlatform({
    databaseUrl: schemaUrl,
    redisUrl,
    dataDir: 'memory',
    // No prefix of its own: each test database is a deployment with its own, as in production.
    redisPrefix: config.REDIS_PREFIX,
  });
  const clock = opts.clock ?? systemClock;
  const app = await buildApp({
    config,
    platform,
    jwtSecrets: [config.JWT_SECRET!],
    clock,
    logger: opts.logger ?? false,
    ...(opts.modules ? { modules: opts.modules } : {}),
    ...(opts.storableTextCheck === false ? { storableTextCheck: false } : {}),
    seed: { adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD },
  });
  await app.ready();
  return {
    app,
    platform,
    clock,
    schema,
    async close() {
      await app.close();
      await platform.close();
      await fresh?.drop();
    },
  };
}

export interface Login {
  token: string;
  refreshCookie: string;
  csrf: string;
  body: {
    accessToken: string;
    expiresIn: number;
    user: { id: string; username: string; permissions: string[] };
  };
}

export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name && c.value !== '')?.value;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
  totp?: string,
): Promise<Login> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return {
    token: res.json<Login['body']>().accessToken,
    refreshCookie: cookieOf(res, 'eo_refresh')!,
    csrf: cookieOf(res, 'eo_csrf')!,
    body: res.json(),
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Creates `trader2`, a second trader beside the demo users (with the demo password), so
 * two accounts can cross. `existing: 'keep'` accepts one an earlier call created.
 */
export async function createSecondTrader(
  app: FastifyInstance,
  admin: Record<string, string>,
  opts: { existing?: 'keep' | 'refuse' } = {},
): Promise<void> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: {
      username: 'trader2',
      displayName: 'Second Trader',
      password: DEMO_PASSWORD,
      roles: ['trader'],
    },
  });
  const kept = opts.existing === 'keep' && created.statusCode === 409;
  if (created.statusCode !== 201 && !kept)
    throw new Error(`creating trader2 failed: ${created.body}`);
}
