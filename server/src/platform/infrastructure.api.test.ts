import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { InProcessBus, RedisBus, type Bus } from './bus/bus.js';
import { MemoryCache, RedisCache, type Cache } from './cache/cache.js';
import { MemorySlotStore, RedisSlotStore, type SlotStore } from './concurrency/slots.js';
import {
  MemoryRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
} from './http/rate-limit.js';

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
  /** Two stores that share their slots, as two instances do, on the clock given. */
  slots: (now: () => number) => [SlotStore, SlotStore];
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
    slots: (now) => {
      const store = new MemorySlotStore(now);
      return [store, store];
    },
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
    slots: (now) => {
      const p = prefix();
      return [new RedisSlotStore(redis(), p, now), new RedisSlotStore(redis(), p, now)];
    },
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

describe.each(kinds)('$name concurrency slots', (kind) => {
  it('lets a key have at most the limit of holders across instances, and frees a released slot', async () => {
    const [a, b] = kind.slots(() => 1_000);
    expect(await a.acquire('var-runs:u1', 'run-1', 2, 60_000)).toBe(true);
    expect(await b.acquire('var-runs:u1', 'run-2', 2, 60_000)).toBe(true);
    expect(await a.acquire('var-runs:u1', 'run-3', 2, 60_000)).toBe(false);
    // A holder asking again keeps its slot rather than taking a second.
    expect(await b.acquire('var-runs:u1', 'run-2', 2, 60_000)).toBe(true);
    expect(await a.acquire('var-runs:u2', 'run-4', 2, 60_000)).toBe(true);
    await b.release('var-runs:u1', 'run-1');
    expect(await a.acquire('var-runs:u1', 'run-3', 2, 60_000)).toBe(true);
  });

  it('frees a slot nobody renewed once it lapses, and keeps a renewed one', async () => {
    let now = 1_000;
    const [a, b] = kind.slots(() => now);
    await a.acquire('var-runs:u1', 'lost', 2, 10_000);
    await a.acquire('var-runs:u1', 'alive', 2, 10_000);
    now = 9_000;
    await a.renew('var-runs:u1', 'alive', 10_000);
    now = 11_000;
    expect(await b.acquire('var-runs:u1', 'new', 2, 10_000)).toBe(true);
    expect(await b.acquire('var-runs:u1', 'one-more', 2, 10_000)).toBe(false);
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
