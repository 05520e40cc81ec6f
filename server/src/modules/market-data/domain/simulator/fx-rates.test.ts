import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue.js';
import { priceToTicks } from '../scaling.js';
import type { Tick } from '../tick.js';
import { validateTicks } from '../validate-ticks.js';
import { FX_LEVELS } from './fx-rates.js';
import { MWH_PER_THERM } from './markets.js';
import { createSimulator, step } from './simulator.js';
import { createTape, printTape } from './tape.js';

const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 0, 1);

function hourlyMarks(seed: number, hours: number): Tick[] {
  let state = createSimulator(standardCatalogue, seed);
  const ticks: Tick[] = [];
  for (let h = 0; h < hours; h++) {
    const out = step(state, FROM + h * HOUR);
    state = out.state;
    ticks.push(...out.ticks);
  }
  return ticks;
}

// Three simulated months of hourly marks.
const quarter = hourlyMarks(42, 90 * 24);
const of = (id: string) => quarter.filter((t) => t.instrumentId === id);

describe('simulated FX rates', () => {
  it('marks EUR/USD and EUR/GBP every hour, on the 0.0001 grid, near their long-run levels', () => {
    for (const [id, level] of [
      ['FX-EURUSD', FX_LEVELS.EURUSD.mean],
      ['FX-EURGBP', FX_LEVELS.EURGBP.mean],
    ] as const) {
      const marks = of(id);
      expect(marks).toHaveLength(90 * 24);
      for (const m of marks) {
        expect(() => priceToTicks(m.price, '0.0001'), id).not.toThrow();
        expect(Math.abs(Math.log(m.price / level)), id).toBeLessThan(0.12);
      }
      expect(validateTicks(marks, standardCatalogue).rejected).toEqual([]);
    }
  });

  it('moves slowly: no hour jumps more than half a percent, though the quarter wanders', () => {
    const rates = of('FX-EURUSD').map((t) => t.price);
    const hourly = rates.slice(1).map((r, i) => Math.abs(Math.log(r / rates[i]!)));
    expect(Math.max(...hourly)).toBeLessThan(0.005);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.005);
  });

  it('prices NBP in pounds from TTF in euros at the simulated EUR/GBP rate', () => {
    const ttf = of('GAS-TTF-FUT-M');
    const nbp = of('GAS-NBP-FUT-M');
    const eurGbp = of('FX-EURGBP');
    const ratios = nbp.map((n, i) => n.price / (ttf[i]!.price * MWH_PER_THERM) / eurGbp[i]!.price);
    const mean = ratios.reduce((s, r) => s + r, 0) / ratios.length;
    // Each future jitters by 0.3% around its fair value; on average the conversion holds.
    expect(mean).toBeCloseTo(1, 2);
  });

  it('prints FX several times an hour on the tape, each print within the hour it belongs to', () => {
    let state = createSimulator(standardCatalogue, 7);
    let tape = createTape(7);
    const prints: Tick[] = [];
    for (let h = 0; h <= 6; h++) {
      const marks = step(state, FROM + h * HOUR);
      state = marks.state;
      const out = printTape(tape, marks.ticks, standardCatalogue);
      tape = out.state;
      prints.push(...out.prints.filter((t) => t.instrumentId === 'FX-EURUSD'));
    }
    expect(prints.length).toBeGreaterThan(6 * 100);
    expect(prints.every((t) => t.time >= t.deliveryStart && t.time < t.deliveryEnd)).toBe(true);
  });
});
