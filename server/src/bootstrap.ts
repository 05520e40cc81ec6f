import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { loadOrCreateDevSecret } from './modules/identity/index.js';
import { openPlatform, type Platform } from './platform/runtime.js';

/** JWT_SECRET signs; previous secrets still verify while tokens signed with them live. */
export function jwtSecretsOf(config: Config): string[] {
  const current = config.JWT_SECRET ?? loadOrCreateDevSecret(config.DATA_DIR);
  return [current, ...config.JWT_PREVIOUS_SECRETS];
}

export function platformOf(config: Config): Promise<Platform> {
  return openPlatform({
    databaseUrl: config.DATABASE_URL,
    replicaUrl: config.DATABASE_REPLICA_URL,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    dataDir: config.DATA_DIR,
  });
}

/** Opens the platform, migrates, seeds an empty database and builds the app. */
export async function startApp(
  config: Config,
): Promise<{ app: FastifyInstance; platform: Platform }> {
  const platform = await platformOf(config);
  try {
    const app = await buildApp({
      config,
      platform,
      jwtSecrets: jwtSecretsOf(config),
      seed: {
        adminPassword: config.adminPassword,
        demoPassword: config.demoMode ? config.DEMO_PASSWORD : undefined,
      },
    });
    return { app, platform };
  } catch (err) {
    await platform.close();
    throw err;
  }
}
