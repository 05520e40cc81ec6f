import { describe, expect, it } from 'vitest';
import { aggregateBars, type BarInterval } from '../bars.js';
import { standardCatalogue } from '../catalogue.js';
import { priceToTicks, quantityToLots } from '../scaling.js';
import type { Tick } from '../tick.js';
import { validateTicks } from '../validate-ticks.js';
import { historyDetail, type Detail } from './liquidity.js';
import { createSimulator, step } from './simulator.js';
import { createTape, printTape } from './tape.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 12, 30);
const START = Date.UTC(2026, 10, 17, 12);

/** Hourly marks and the tape between them, as the feed's start-up backfill prints them. */
function backfill(
  seed: number,
  detail: (time: number) => Detail = historyDetail(NOW),
  from = START,
): Tick[] {
  let simulator = createSimulator(standardCatalogue, seed);
  let tape = createTape(seed);
  const prints: Tick[] = [];
  for (let hour = from; hour <= NOW; hour += HOUR) {
    const marks = step(simulator, hour);
    simulator = marks.state;
    const out = printTape(tape, marks.ticks, standardCatalogue, detail);
    tape = out.state;
    prints.push(...out.prints);
  }
  return prints;
}

const week = backfill(42);
const of = (ticks: readonly Tick[], id: string): Tick[] =>
  ticks.filter((t) => t.instrumentId === id);

function livelyShare(
  ticks: readonly Tick[],
  id: string,
  interval: BarInterval,
  from: number,
): number {
  const bars = aggregateBars(
    of(ticks, id).filter((t) => t.time >= from),
    interval,
    standardCatalogue.get(id).timeZone,
  );
  return bars.filter((b) => b.open !== b.close || b.high > b.low).length / bars.length;
}

describe('simulated trade tape', () => {
  it('prints the same tape from the same seed and another from another seed', () => {
    expect(backfill(42)).toEqual(week);
    const other = backfill(43);
    expect(of(other, 'PWR-DE-LU-DA-H').map((t) => t.price)).not.toEqual(
      of(week, 'PWR-DE-LU-DA-H').map((t) => t.price),
    );
  });

  it('leaves the state it was given untouched', () => {
    const marks = step(createSimulator(standardCatalogue, 3), START).ticks;
    const tape = createTape(3);
    const first = printTape(tape, marks, standardCatalogue);
    expect(printTape(tape, marks, standardCatalogue)).toEqual(first);
    expect(tape.books).toEqual({});
  });

  it('gives hourly bars of busy products a body or wicks, and quarter-hour bars of the last day', () => {
    for (const id of [
      'PWR-DE-LU-DA-H',
      'PWR-DE-LU-FUT-M-BASE',
      'GAS-TTF-FUT-M',
      'OIL-BRENT-FUT-M',
    ]) {
      expect(livelyShare(week, id, '1h', START)).toBeGreaterThan(0.9);
    }
    expect(livelyShare(week, 'PWR-DE-LU-DA-H', '15m', NOW - 24 * HOUR)).toBeGreaterThan(0.9);
    // Quiet products print rarely in older history, as back years do on a real screen.
    expect(of(week, 'PWR-DE-LU-FUT-Y-BASE').length).toBeLessThan(
      of(week, 'PWR-DE-LU-FUT-M-BASE').length / 2,
    );
  });

  it('prints minute bars with bodies when watched live', () => {
    const from = NOW - 2 * HOUR;
    const live = backfill(42, () => 'live', from - HOUR);
    expect(livelyShare(live, 'PWR-DE-LU-DA-H', '1m', from)).toBeGreaterThan(0.8);
    expect(livelyShare(live, 'PWR-DE-LU-FUT-M-BASE', '1m', from)).toBeGreaterThan(0.5);
  });

  it('trades as much per hour in sparse history as when printed live', () => {
    const from = NOW - 12 * HOUR;
    const volume = (ticks: readonly Tick[]) =>
      of(ticks, 'GAS-TTF-FUT-M')
        .filter((t) => t.time > from)
        .reduce((sum, t) => sum + t.volume, 0);
    const sparse = volume(backfill(42, () => 'history', from - HOUR));
    const live = volume(backfill(42, () => 'live', from - HOUR));
    expect(sparse / live).toBeGreaterThan(0.8);
    expect(sparse / live).toBeLessThan(1.25);
  });

  it('prints on the price grid, in whole lots, inside each product delivery rules and never ahead of the last mark', () => {
    for (const tick of week) {
      const instrument = standardCatalogue.get(tick.instrumentId);
      expect(() => priceToTicks(tick.price, instrument.tickSize)).not.toThrow();
      expect(() => quantityToLots(tick.volume, instrument.lotSize)).not.toThrow();
      expect(tick.time).toBeLessThanOrEqual(NOW);
    }
    // Block indices are not on the tape: the simulator publishes them after their day.
    const traded = week.filter((t) => !/-DA-(BASE|PEAK)$/.test(t.instrumentId));
    const report = validateTicks(
      traded.map((t) => ({ ...t, delivery: { start: t.deliveryStart, end: t.deliveryEnd } })),
      standardCatalogue,
    );
    expect(report.rejected).toEqual([]);
    const keys = new Set(week.map((t) => `${t.instrumentId}|${t.time}|${t.deliveryStart}`));
    expect(keys.size).toBe(week.length);
  });
});
