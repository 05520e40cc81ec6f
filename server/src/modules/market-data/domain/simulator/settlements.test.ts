import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../catalogue.js';
import { monthlyPrices } from '../forward-curve.js';
import { yearInterval } from '../delivery-period.js';
import { curveFromSettlements, DEMO_CURVES } from '../../feed-curve.js';
import { liquidityOf } from './liquidity.js';
import { forwardPrice } from './forward.js';
import { frontContract, termPrice } from './pricing.js';
import { isTermProduct, settle, settlementInstant, settlementLadder } from './settlements.js';
import { createSimulator, type SimulatorState } from './simulator.js';
import { advanceWorld } from './world.js';
import { createRandom } from '../prng.js';

const HOUR = 3_600_000;
const TRADE_DATE = { year: 2026, month: 11, day: 20 };

/** The world a year into a run, stepped daily to a settlement instant. */
function worldAt(seed: number, instant: number): SimulatorState {
  let state = createSimulator(standardCatalogue, seed);
  for (let t = instant - 365 * 24 * HOUR; t <= instant; t += 24 * HOUR)
    state = { ...state, ...advanceWorld(state, t).world };
  return state;
}

const terms = standardCatalogue.instruments.filter(isTermProduct);

describe('simulated futures, their settlements and the curves built from them', () => {
  for (const seed of [1, 2, 3]) {
    it(`quotes every future within one bid–offer of its settlement and curve (seed ${seed})`, () => {
      const eex = settlementInstant(standardCatalogue.get('PWR-DE-LU-FUT-M-BASE'), TRADE_DATE)!;
      const state = worldAt(seed, eex);
      const random = createRandom(seed);
      const settlements = terms.flatMap((i) =>
        settle(i, settlementLadder(i, eex, 'full'), TRADE_DATE, state, eex),
      );
      for (const instrument of terms) {
        const mid = termPrice(instrument, eex, state.fuels, state.fx, random)!;
        const front = frontContract(instrument, eex);
        const settled = settlements.find(
          (s) => s.instrumentId === instrument.id && s.deliveryStart === front.start,
        )!;
        const liquidity = liquidityOf(instrument)!;
        const spread = 2 * liquidity.halfSpread * Math.abs(settled.price);
        const tick = Number(instrument.tickSize);
        expect(Math.abs(mid - settled.price), instrument.id).toBeLessThanOrEqual(spread + tick);
      }
      for (const curve of DEMO_CURVES) {
        const instrument = standardCatalogue.get(curve.instrumentId);
        const points = curveFromSettlements(curve, settlements, standardCatalogue)!;
        const months = monthlyPrices({ instrument, asOf: '2026-11-20', points });
        const front = frontContract(instrument, eex);
        const mid = termPrice(instrument, eex, state.fuels, state.fx, random)!;
        const month = new Date(front.start + 12 * HOUR);
        const curvePrice =
          instrument.deliveryPeriod === 'year'
            ? points.find((p) => p.year === month.getUTCFullYear())!.price
            : months.find(
                (m) => m.year === month.getUTCFullYear() && m.month === month.getUTCMonth() + 1,
              )!.price;
        const spread = 2 * liquidityOf(instrument)!.halfSpread * Math.abs(curvePrice);
        expect(Math.abs(mid - curvePrice), curve.id).toBeLessThanOrEqual(
          spread + Number(instrument.tickSize),
        );
      }
    });

    it(`prices 2027 at plausible levels (seed ${seed})`, () => {
      const eex = settlementInstant(standardCatalogue.get('PWR-DE-LU-FUT-Y-BASE'), TRADE_DATE)!;
      const state = worldAt(seed, eex);
      const cal27 = (id: string) => {
        const instrument = standardCatalogue.get(id);
        return forwardPrice(
          instrument,
          yearInterval(instrument.timeZone, 2027, instrument.dayStartHour),
          state,
          eex,
        )!;
      };
      // DE-LU Cal-27 traded around 80–90 EUR/MWh through 2025, TTF Cal-27 near 30–35, EUA Dec-27 near 70–85.
      expect(cal27('PWR-DE-LU-FUT-Y-BASE')).toBeGreaterThan(70);
      expect(cal27('PWR-DE-LU-FUT-Y-BASE')).toBeLessThan(100);
      expect(cal27('GAS-TTF-FUT-Y')).toBeGreaterThan(30);
      expect(cal27('GAS-TTF-FUT-Y')).toBeLessThan(45);
      expect(cal27('EUA-FUT-DEC')).toBeGreaterThan(60);
      expect(cal27('EUA-FUT-DEC')).toBeLessThan(90);
    });
  }

  it('settles only on trading days, at the venue settlement time', () => {
    const eua = standardCatalogue.get('EUA-FUT-DEC');
    expect(new Date(settlementInstant(eua, TRADE_DATE)!).toISOString()).toBe(
      '2026-11-20T16:30:00.000Z',
    );
    const ttf = standardCatalogue.get('GAS-TTF-FUT-M');
    expect(new Date(settlementInstant(ttf, { year: 2026, month: 7, day: 1 })!).toISOString()).toBe(
      '2026-07-01T14:30:00.000Z',
    );
    expect(settlementInstant(standardCatalogue.get('PWR-DE-LU-DA-H'), TRADE_DATE)).toBeNull();
  });

  it('settles a year of months, two years of quarters and three calendar years', () => {
    const eex = Date.UTC(2026, 10, 20, 16, 30);
    const months = settlementLadder(standardCatalogue.get('PWR-DE-LU-FUT-M-BASE'), eex, 'full');
    expect(months).toHaveLength(12);
    expect(new Date(months[0]!.start).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(
      settlementLadder(standardCatalogue.get('PWR-DE-LU-FUT-Q-BASE'), eex, 'full'),
    ).toHaveLength(8);
    expect(
      settlementLadder(standardCatalogue.get('PWR-DE-LU-FUT-Y-BASE'), eex, 'full'),
    ).toHaveLength(3);
  });
});
