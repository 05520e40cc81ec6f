import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue.js';
import { toLocal, type LocalDateTime } from '../time-zone.js';
import { POWER_MARKETS } from './markets.js';
import { createSimulator } from './simulator.js';
import { advanceWorld, type WorldState } from './world.js';

/**
 * Two simulated years of hourly day-ahead prices held to what real European day-ahead
 * markets show. The thresholds come from published market facts:
 * - Negative hours are few: DE-LU had 211 in 2019 (2.4 % of the year), 301 in 2023
 *   (3.4 %) and 457 in 2024 (5.2 %), after 69 in the gas-crisis year 2022 (SMARD and
 *   Fraunhofer ISE Energy-Charts). They come on sunny or windy low-load hours: weekend
 *   and holiday middays above all.
 * - Spikes are rare: outside the 2021–22 gas crisis, hours above 2.5 times the annual
 *   median were well under 1 % of the year, in tight winter evenings (the November and
 *   December 2024 "Dunkelflaute" evenings reached 800–936 EUR/MWh).
 * - Working days price above weekends (industrial load idles): weekend base-load has
 *   typically settled 15–30 % under working days. Winter prices above summer ones
 *   where gas plant sets the price.
 * A spike and a negative hour on the same day is the exception, not the daily rhythm.
 */

const HOUR = 3_600_000;
const START = Date.UTC(2025, 0, 1);
const HOURS = 2 * 365 * 24;

interface Hour {
  price: number;
  srmc: number;
  local: LocalDateTime;
}

function simulateYears(seed: number): Map<string, Hour[]> {
  let world: WorldState = createSimulator(standardCatalogue, seed);
  const byArea = new Map<string, Hour[]>(POWER_MARKETS.map((m) => [m.area, []]));
  for (let t = START; t < START + HOURS * HOUR; t += HOUR) {
    const out = advanceWorld(world, t);
    world = out.world;
    for (const market of POWER_MARKETS) {
      byArea.get(market.area)!.push({
        price: out.areas.get(market.area)!.price,
        srmc: out.areas.get(market.area)!.srmc,
        local: toLocal(market.timeZone, t),
      });
    }
  }
  return byArea;
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const weekend = (h: Hour): boolean => h.local.weekday === 0 || h.local.weekday === 6;
const share = (hours: readonly Hour[], test: (h: Hour) => boolean): number =>
  hours.filter(test).length / hours.length;

function days(hours: readonly Hour[]): Hour[][] {
  const byDay = new Map<string, Hour[]>();
  for (const h of hours) {
    const key = `${h.local.year}-${h.local.month}-${h.local.day}`;
    byDay.set(key, [...(byDay.get(key) ?? []), h]);
  }
  return [...byDay.values()];
}

const years = simulateYears(20_260_101);
const europe = POWER_MARKETS.filter((m) => m.timeZone.startsWith('Europe/'));

describe('day-ahead prices over two simulated years', () => {
  const de = years.get('DE-LU')!;
  const spikeLevel = 2.5 * median(de.map((h) => h.price));

  it('has a few negative hours, mostly on weekends or around midday', () => {
    const negative = de.filter((h) => h.price < 0);
    expect(negative.length / de.length).toBeGreaterThan(0.005);
    expect(negative.length / de.length).toBeLessThan(0.06);
    expect(
      share(negative, (h) => weekend(h) || (h.local.hour >= 10 && h.local.hour < 17)),
    ).toBeGreaterThan(0.6);
    expect(share(de, weekend)).toBeLessThan(0.3);
  });

  it('spikes rarely, and mostly in the morning and evening ramps', () => {
    const spikes = de.filter((h) => h.price > spikeLevel);
    expect(spikes.length).toBeGreaterThan(0);
    expect(spikes.length / de.length).toBeLessThan(0.01);
    expect(share(spikes, (h) => h.local.hour >= 10 && h.local.hour < 16)).toBeLessThan(0.5);
  });

  it('does not crash after a spike day after day', () => {
    const all = days(de);
    const spikeDays = all.filter((d) => d.some((h) => h.price > spikeLevel));
    const both = spikeDays.filter((d) => d.some((h) => h.price < 0));
    expect(spikeDays.length / all.length).toBeLessThan(0.05);
    expect(both.length / all.length).toBeLessThan(0.01);
  });

  it('prices working days above weekends and winter above summer', () => {
    const working = mean(de.filter((h) => !weekend(h)).map((h) => h.price));
    const weekends = mean(de.filter(weekend).map((h) => h.price));
    expect(weekends / working).toBeGreaterThan(0.6);
    expect(weekends / working).toBeLessThan(0.9);
    const season = (months: number[]) =>
      mean(de.filter((h) => months.includes(h.local.month)).map((h) => h.price));
    expect(season([12, 1, 2])).toBeGreaterThan(season([6, 7, 8]));
  });

  it('averages the share of marginal cost that base-load forwards price at', () => {
    for (const market of europe) {
      const hours = years.get(market.area)!;
      const ratio = mean(hours.map((h) => h.price)) / mean(hours.map((h) => h.srmc));
      expect(Math.abs(ratio / market.baseToSrmc - 1), market.area).toBeLessThan(0.1);
    }
  });

  it('keeps every European market within the same bounds', () => {
    for (const market of europe) {
      const hours = years.get(market.area)!;
      const level = 2.5 * median(hours.map((h) => h.price));
      expect(
        share(hours, (h) => h.price < 0),
        market.area,
      ).toBeLessThan(0.06);
      expect(
        share(hours, (h) => h.price > level),
        market.area,
      ).toBeLessThan(0.01);
    }
  });
});
