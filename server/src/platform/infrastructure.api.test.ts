import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessBus, RedisBus, type Bus } from './bus/bus.js';
import { MemoryCache, RedisCache, type Cache } from './cache/cache.js';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from './http/rate-limit.js';

// The same contract runs on the in-process parts and, when REDIS_URL is set, on Redis.
const redisUrl = process.env.REDIS_URL;
const connections: Redis[] = [];
function redis(): Redis {
  const r = new Redis(redisUrl!);
  connections.push(r);
  return r;
}
afterAll(async () => {
  for (const r of connections) r.disconnect();
});

const prefix = () => `eo-test-${randomBytes(4).toString('hex')}:`;
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

interface Kind {
  name: string;
  cache: () => Cache;
  bus: () => Bus[];
  limits: () => RateLimitStore;
}

const kinds: Kind[] = [
  {
    name: 'in-process',
    cache: () => new MemoryCache(),
    bus: () => {
      const b = new InProcessBus();
      return [b, b];
    },
    limits: () => new MemoryRateLimitStore(),
  },
];
if (redisUrl) {
  kinds.push({
    name: 'Redis',
    cache: () => new RedisCache(redis(), prefix()),
    bus: () => {
      // Two buses on one prefix stand for two server instances.
      const p = prefix();
      return [new RedisBus(redis(), redis(), p), new RedisBus(redis(), redis(), p)];
    },
    limits: () => new RedisRateLimitStore(redis(), prefix()),
  });
}

describe.each(kinds)('$name platform parts', (kind) => {
  it('caches a value until it is deleted', async () => {
    const cache = kind.cache();
    expect(await cache.get('curve:TTF')).toBeUndefined();
    await cache.set('curve:TTF', '{"p":31.2}', 60);
    expect(await cache.get('curve:TTF')).toBe('{"p":31.2}');
    await cache.delete('curve:TTF');
    expect(await cache.get('curve:TTF')).toBeUndefined();
  });

  it('delivers a published event to a subscriber on another instance, and stops after unsubscribe', async () => {
    const [a, b] = kind.bus();
    const seen: unknown[] = [];
    const off = await b!.subscribe('trades', (m) => seen.push(m));
    await a!.publish('trades', { id: 1, price: 42.5 });
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([{ id: 1, price: 42.5 }]);
    await off();
    await a!.publish('trades', { id: 2 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(1);
  });

  it('counts hits in a window and tells when it resets', async () => {
    const limits = kind.limits();
    const first = await limits.hit('ip:10.0.0.1', 60_000);
    const second = await limits.hit('ip:10.0.0.1', 60_000);
    const other = await limits.hit('ip:10.0.0.2', 60_000);
    expect([first.count, second.count, other.count]).toEqual([1, 2, 1]);
    expect(second.resetInMs).toBeGreaterThan(0);
    expect(second.resetInMs).toBeLessThanOrEqual(60_000);
  });
});

describe('in-process cache', () => {
  it('forgets a value once its time to live has passed', async () => {
    let now = 0;
    const cache = new MemoryCache(() => now);
    await cache.set('k', 'v', 10);
    now = 9_999;
    expect(await cache.get('k')).toBe('v');
    now = 10_000;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('evicts the oldest entry when full', async () => {
    const cache = new MemoryCache(() => 0, 2);
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.set('c', '3', 60);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('c')).toBe('3');
  });
});
