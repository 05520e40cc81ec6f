import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { standardCatalogue } from './domain/catalogue.js';
import type { Tick } from './domain/tick.js';
import { startSimulatorFeed, type FeedDeps } from './feed.js';

const NOW = Date.UTC(2026, 10, 20, 12, 30, 10);

/** A feed whose storage only records what it is given. */
function recordingDeps(seed: number): { deps: FeedDeps; stored: Tick[] } {
  const stored: Tick[] = [];
  const silent = { info: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;
  const deps = {
    ingest: {
      storeTicks: async (ticks: readonly Tick[]) => {
        stored.push(...ticks);
        return ticks;
      },
    },
    series: {
      saveWeather: async () => undefined,
      saveLoad: async () => undefined,
      saveSettlements: async () => 0,
    },
    curves: { save: async () => undefined },
    catalogue: standardCatalogue,
    clock: new ManualClock(NOW),
    log: silent,
    intervalMs: 3_600_000,
    seed,
    backfillDays: 2,
    historyDays: 0,
    latestStored: null,
  } as unknown as FeedDeps;
  return { deps, stored };
}

async function backfill(seed: number): Promise<Tick[]> {
  const { deps, stored } = recordingDeps(seed);
  const feed = await startSimulatorFeed(deps);
  await feed.stop();
  return stored;
}

describe('simulated market feed start-up', () => {
  it('backfills the same prints from the same seed and clock', async () => {
    const first = await backfill(7);
    expect(await backfill(7)).toEqual(first);
    const other = await backfill(8);
    expect(other.map((t) => t.price)).not.toEqual(first.map((t) => t.price));
  });

  it('prints busy products several times an hour and up to the moment of start-up', async () => {
    const ticks = await backfill(7);
    expect(ticks.every((t) => t.time <= NOW)).toBe(true);
    const dayAhead = ticks.filter((t) => t.instrumentId === 'PWR-DE-LU-DA-H');
    const hours = new Set(dayAhead.map((t) => Math.floor(t.time / 3_600_000)));
    expect(dayAhead.length).toBeGreaterThan(3 * hours.size);
    // The hour in progress is printed at live detail, so the stream picks up where it ends.
    const lastMinutes = dayAhead.filter((t) => t.time > NOW - 10 * 60_000);
    expect(lastMinutes.length).toBeGreaterThan(30);
    expect(NOW - Math.max(...dayAhead.map((t) => t.time))).toBeLessThan(60_000);
  });

  it('prints EUR/USD and EUR/GBP through the history and up to start-up, near their levels', async () => {
    const ticks = await backfill(7);
    for (const [id, low, high] of [
      ['FX-EURUSD', 0.95, 1.25],
      ['FX-EURGBP', 0.75, 0.98],
    ] as const) {
      const fx = ticks.filter((t) => t.instrumentId === id);
      const hours = new Set(fx.map((t) => Math.floor(t.time / 3_600_000)));
      expect(hours.size, id).toBeGreaterThanOrEqual(2 * 24);
      expect(
        fx.every((t) => t.price > low && t.price < high),
        id,
      ).toBe(true);
      expect(NOW - Math.max(...fx.map((t) => t.time)), id).toBeLessThan(60_000);
    }
  });
});
