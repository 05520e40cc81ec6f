import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { InProcessBus, RedisBus, type Bus } from './bus/bus.js';
import { MemoryCache, RedisCache, type Cache } from './cache/cache.js';
import { openDatabases, pingDatabase, type Databases } from './db/database.js';
import { migrate } from './db/migrator.js';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from './http/rate-limit.js';

/** The shared infrastructure every module stands on, in its embedded or server form. */
export interface Platform {
  dbs: Databases;
  cache: Cache;
  bus: Bus;
  rateLimits: RateLimitStore;
  redis: Redis | undefined;
  /** Migrations this start applied (none when another instance or an earlier start did). */
  appliedMigrations: readonly string[];
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  databaseUrl?: string | undefined;
  replicaUrl?: string | undefined;
  redisUrl?: string | undefined;
  dataDir: string;
  /** Namespaces Redis keys and channels, so that test runs sharing one Redis stay apart. */
  redisPrefix?: string;
  migrate?: boolean;
}

export async function openPlatform(opts: PlatformOptions): Promise<Platform> {
  const dbs = await openDatabases({
    databaseUrl: opts.databaseUrl,
    replicaUrl: opts.replicaUrl,
    dataDir: opts.dataDir,
  });
  const appliedMigrations = opts.migrate !== false ? await migrate(dbs.db) : [];

  let redis: Redis | undefined;
  let subscriber: Redis | undefined;
  let cache: Cache;
  let bus: Bus;
  let rateLimits: RateLimitStore;
  if (opts.redisUrl) {
    const prefix = opts.redisPrefix ?? 'eo:';
    redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
    subscriber = redis.duplicate();
    cache = new RedisCache(redis, `${prefix}cache:`);
    bus = new RedisBus(redis, subscriber, `${prefix}bus:`);
    rateLimits = new RedisRateLimitStore(redis, `${prefix}rl:`);
  } else {
    cache = new MemoryCache();
    bus = new InProcessBus();
    rateLimits = new MemoryRateLimitStore();
  }

  return {
    dbs,
    cache,
    bus,
    rateLimits,
    redis,
    appliedMigrations,
    async ready() {
      await pingDatabase(dbs.db);
      if (dbs.reader !== dbs.db) await pingDatabase(dbs.reader);
      if (redis) await redis.ping();
    },
    async close() {
      await bus.close();
      subscriber?.disconnect();
      if (redis) await redis.quit().catch(() => undefined);
      await dbs.close();
    },
  };
}

export function randomPrefix(): string {
  return `eo-${randomBytes(4).toString('hex')}:`;
}
