import { randomUUID } from 'node:crypto';
import { Counter, type Registry } from 'prom-client';
import type { Cache } from '../../platform/cache/cache.js';

export type CachedKind = 'bars' | 'curve';

/**
 * Cache-aside for market data: check the cache, else load, store and cache. Bars are
 * keyed by a per-instrument generation that every ingest replaces, so a late tick for a
 * closed period never leaves a stale bar behind, on this instance or any other.
 */
export function createMarketDataCache(cache: Cache, registry: Registry) {
  const lookups = new Counter({
    name: 'energyopti_market_data_cache_total',
    help: 'Market-data cache lookups by what was looked up and whether it was cached',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  });
  const generationKey = (instrumentId: string): string => `md:gen:${instrumentId}`;

  return {
    async through<T>(
      kind: CachedKind,
      key: string,
      ttlSeconds: number,
      load: () => Promise<T>,
    ): Promise<T> {
      const cached = await cache.get(key);
      if (cached !== undefined) {
        lookups.inc({ kind, result: 'hit' });
        return JSON.parse(cached) as T;
      }
      lookups.inc({ kind, result: 'miss' });
      const value = await load();
      await cache.set(key, JSON.stringify(value), ttlSeconds);
      return value;
    },

    /** The instrument's current data generation; a missing one is created, never assumed. */
    async generation(instrumentId: string): Promise<string> {
      const current = await cache.get(generationKey(instrumentId));
      if (current !== undefined) return current;
      const fresh = randomUUID();
      await cache.set(generationKey(instrumentId), fresh, GENERATION_TTL_SECONDS);
      return fresh;
    },

    async invalidateInstruments(instrumentIds: Iterable<string>): Promise<void> {
      for (const id of new Set(instrumentIds)) await cache.delete(generationKey(id));
    },

    async forget(keys: readonly string[]): Promise<void> {
      for (const key of keys) await cache.delete(key);
    },
  };
}

export type MarketDataCache = ReturnType<typeof createMarketDataCache>;

const GENERATION_TTL_SECONDS = 7 * 86_400;
