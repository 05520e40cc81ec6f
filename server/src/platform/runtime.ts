import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { InProcessBus, RedisBus, type Bus } from './bus/bus.js';
import { MemoryCache, RedisCache, type Cache } from './cache/cache.js';
import { MemorySlotStore, RedisSlotStore, type SlotStore } from './concurrency/slots.js';
import { openDatabases, pingDatabase, type Databases } from './db/database.js';
import { deploymentId, redisPrefixOf } from './db/deployment.js';
import { migrate } from './db/migrator.js';
import {
  MemoryRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
} from './http/rate-limit.js';

/** The shared infrastructure every module stands on, in its embedded or server form. */
export interface Platform {
  dbs: Databases;
  cache: Cache;
  bus: Bus;
  rateLimits: RateLimitStore;
  /** Caps on work running at once (a user's VaR runs). */
  slots: SlotStore;
  redis: Redis | undefined;
  /** What every Redis key and channel of this deployment starts with; undefined without Redis. */
  redisPrefix: string | undefined;
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
  /**
   * Namespaces Redis keys and channels (REDIS_PREFIX); by default one derived from the
   * database's deployment id, so deployments sharing one Redis stay apart.
   */
  redisPrefix?: string | undefined;
  migrate?: boolean;
}

export async function openPlatform(opts: PlatformOptions): Promise<Platform> {
  const dbs = await openDatabases({
    databaseUrl: opts.databaseUrl,
    replicaUrl: opts.replicaUrl,
    dataDir: opts.dataDir,
  });
  let prefix: string | undefined;
  let appliedMigrations: readonly string[] = [];
  try {
    if (opts.migrate !== false) appliedMigrations = await migrate(dbs.db);
    if (opts.redisUrl)
      prefix =
        opts.redisPrefix !== undefined
          ? withSeparator(opts.redisPrefix)
          : redisPrefixOf(await deploymentId(dbs.db));
  } catch (error) {
    await dbs.close();
    throw error;
  }

  let redis: Redis | undefined;
  let subscriber: Redis | undefined;
  let cache: Cache;
  let bus: Bus;
  let rateLimits: RateLimitStore;
  let slots: SlotStore;
  if (opts.redisUrl && prefix !== undefined) {
    redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
    subscriber = redis.duplicate();
    cache = new RedisCache(redis, `${prefix}cache:`);
    bus = new RedisBus(redis, subscriber, `${prefix}bus:`);
    rateLimits = new RedisRateLimitStore(redis, `${prefix}rl:`);
    slots = new RedisSlotStore(redis, `${prefix}slots:`);
  } else {
    cache = new MemoryCache();
    bus = new InProcessBus();
    rateLimits = new MemoryRateLimitStore();
    slots = new MemorySlotStore();
  }

  return {
    dbs,
    cache,
    bus,
    rateLimits,
    slots,
    redis,
    redisPrefix: prefix,
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

function withSeparator(prefix: string): string {
  return prefix.endsWith(':') ? prefix : `${prefix}:`;
}

export function randomPrefix(): string {
  return `eo-${randomBytes(4).toString('hex')}:`;
}
