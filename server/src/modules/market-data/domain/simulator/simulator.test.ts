import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue.js';
import { priceToTicks, quantityToLots } from '../scaling.js';
import type { LoadObservation, Tick, WeatherObservation } from '../tick.js';
import { toLocal } from '../time-zone.js';
import { validateTicks } from '../validate-ticks.js';
import type { SimulatorState } from './simulator.js';
import { createSimulator, step } from './simulator.js';

const HOUR = 3_600_000;

interface Run {
  ticks: Tick[];
  weather: WeatherObservation[];
  load: LoadObservation[];
  state: SimulatorState;
}

function simulate(seed: number, from: number, to: number, stepMs = HOUR): Run {
  let state = createSimulator(standardCatalogue, seed);
  const run: Run = { ticks: [], weather: [], load: [], state };
  for (let instant = from; instant < to; instant += stepMs) {
    const result = step(state, instant);
    state = result.state;
    run.ticks.push(...result.ticks);
    run.weather.push(...result.weather);
    run.load.push(...result.load);
  }
  run.state = state;
  return run;
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? mb;
    cov += (x - ma) * (y - mb);
    va += (x - ma) ** 2;
    vb += (y - mb) ** 2;
  });
  return cov / Math.sqrt(va * vb);
}

const pricesOf = (run: Run, id: string): Tick[] =>
  run.ticks.filter((tick) => tick.instrumentId === id);

function dailyMeans(ticks: readonly Tick[], timeZone: string): Map<string, number> {
  const days = new Map<string, number[]>();
  for (const tick of ticks) {
    const local = toLocal(timeZone, tick.time);
    const key = `${local.month}-${local.day}`;
    days.set(key, [...(days.get(key) ?? []), tick.price]);
  }
  return new Map([...days].map(([day, prices]) => [day, mean(prices)]));
}

// One simulated winter month and one spring month, shared by the statistical tests
// (day-ahead-statistics.test.ts holds prices to two years' market facts).
const january = simulate(42, Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 1));
const may = simulate(42, Date.UTC(2026, 4, 1), Date.UTC(2026, 5, 1));

describe('market simulator', () => {
  it('replays the same series from the same seed and a different one from another seed', () => {
    const from = Date.UTC(2026, 0, 1);
    const again = simulate(42, from, from + 48 * HOUR);
    expect(again.ticks).toEqual(january.ticks.filter((tick) => tick.time < from + 48 * HOUR));
    const other = simulate(43, from, from + 48 * HOUR);
    expect(pricesOf(other, 'PWR-DE-LU-DA-H').map((t) => t.price)).not.toEqual(
      pricesOf(again, 'PWR-DE-LU-DA-H').map((t) => t.price),
    );
  });

  it('leaves the state it was given untouched', () => {
    const state = createSimulator(standardCatalogue, 7);
    const first = step(state, Date.UTC(2026, 0, 1));
    const second = step(state, Date.UTC(2026, 0, 1));
    expect(second.ticks).toEqual(first.ticks);
    expect(first.state).not.toBe(state);
  });

  it('prices working days above weekends and peak hours above off-peak hours in winter', () => {
    const hours = pricesOf(january, 'PWR-DE-LU-DA-H').map((tick) => ({
      tick,
      local: toLocal('Europe/Berlin', tick.deliveryStart),
    }));
    const working = hours.filter(({ local }) => local.weekday >= 1 && local.weekday <= 5);
    const weekend = hours.filter(({ local }) => local.weekday === 0 || local.weekday === 6);
    expect(mean(working.map(({ tick }) => tick.price))).toBeGreaterThan(
      mean(weekend.map(({ tick }) => tick.price)),
    );
    const peak = working.filter(({ local }) => local.hour >= 8 && local.hour < 20);
    const offPeak = hours.filter((hour) => !peak.includes(hour));
    expect(mean(peak.map(({ tick }) => tick.price))).toBeGreaterThan(
      mean(offPeak.map(({ tick }) => tick.price)),
    );
  });

  it('spikes now and then, well above the typical hour', () => {
    const prices = pricesOf(january, 'PWR-DE-LU-DA-H')
      .map((tick) => tick.price)
      .sort((a, b) => a - b);
    const median = prices[Math.floor(prices.length / 2)] ?? 0;
    expect(prices.at(-1)).toBeGreaterThan(2 * median);
  });

  it('moves power with gas where gas plant sets the price: PJM West against Henry Hub', () => {
    const power = dailyMeans(pricesOf(january, 'PWR-PJM-WEST-DA-H'), 'America/New_York');
    const gas = dailyMeans(pricesOf(january, 'GAS-HH-FUT-M'), 'America/New_York');
    const days = [...power.keys()].filter((day) => gas.has(day));
    expect(days.length).toBeGreaterThan(25);
    expect(
      correlation(
        days.map((d) => gas.get(d) ?? 0),
        days.map((d) => power.get(d) ?? 0),
      ),
    ).toBeGreaterThan(0.5);
  });

  it('drives load with temperature and gives sunlight only by day', () => {
    const weather = january.weather.filter((w) => w.area === 'DE-LU');
    const load = january.load.filter((l) => l.area === 'DE-LU');
    // Working-day evenings only, so that the daily and weekly load shape does not mask the weather.
    const evenings = weather
      .map((w, i) => ({ w, l: load[i], local: toLocal('Europe/Berlin', w.time) }))
      .filter(({ local }) => local.hour === 19 && local.weekday >= 1 && local.weekday <= 5);
    expect(
      correlation(
        evenings.map(({ w }) => w.temperatureC),
        evenings.map(({ l }) => l?.loadMw ?? 0),
      ),
    ).toBeLessThan(-0.3);
    const night = weather.filter((w) => toLocal('Europe/Berlin', w.time).hour === 2);
    const noon = weather.filter((w) => toLocal('Europe/Berlin', w.time).hour === 12);
    expect(night.every((w) => w.solarIrradianceWm2 === 0)).toBe(true);
    expect(mean(noon.map((w) => w.solarIrradianceWm2))).toBeGreaterThan(50);
    expect(
      mean(may.weather.filter((w) => w.area === 'DE-LU').map((w) => w.temperatureC)),
    ).toBeGreaterThan(mean(weather.map((w) => w.temperatureC)));
  });

  it('publishes 92 quarter-hours and 23 hours for the short Berlin day', () => {
    const from = Date.UTC(2026, 2, 28, 23);
    const run = simulate(5, from, from + 23 * HOUR, 15 * 60_000);
    expect(pricesOf(run, 'PWR-DE-LU-DA-QH')).toHaveLength(92);
    expect(pricesOf(run, 'PWR-DE-LU-DA-H')).toHaveLength(23);
  });

  it('publishes the base block of a day as the average of its hours, on the next day', () => {
    const base = pricesOf(january, 'PWR-FR-DA-BASE')[0];
    const hours = pricesOf(january, 'PWR-FR-DA-H').filter(
      (tick) =>
        base && tick.deliveryStart >= base.deliveryStart && tick.deliveryEnd <= base.deliveryEnd,
    );
    expect(hours).toHaveLength(24);
    expect(base?.price).toBeCloseTo(mean(hours.map((tick) => tick.price)), 2);
    expect(base?.time).toBeGreaterThanOrEqual(base?.deliveryEnd ?? Infinity);
  });

  it('emits ticks on the price grid and lot sizes that pass ingestion checks', () => {
    const sample = january.ticks.slice(0, 2_000);
    for (const tick of sample) {
      const instrument = standardCatalogue.get(tick.instrumentId);
      expect(() => priceToTicks(tick.price, instrument.tickSize)).not.toThrow();
      expect(() => quantityToLots(tick.volume, instrument.lotSize)).not.toThrow();
    }
    const spot = sample.filter((tick) => tick.instrumentId.includes('-DA-'));
    const report = validateTicks(
      spot.map((t) => ({
        ...t,
        time: t.deliveryStart,
        delivery: { start: t.deliveryStart, end: t.deliveryEnd },
      })),
      standardCatalogue,
    );
    expect(report.rejected).toEqual([]);
    const futures = sample.filter((tick) => tick.instrumentId.includes('-FUT-'));
    expect(
      validateTicks(
        futures.map((t) => ({ ...t, delivery: { start: t.deliveryStart, end: t.deliveryEnd } })),
        standardCatalogue,
      ).rejected,
    ).toEqual([]);
  });
});
