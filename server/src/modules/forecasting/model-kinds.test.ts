import { describe, expect, it } from 'vitest';
import { forecastLearMembers, learMembersFor } from './domain/lear.js';
import { historyBefore } from './domain/market-days.js';
import { seededRandom } from './domain/prng.js';
import { syntheticMarket } from './domain/synthetic-market.js';
import { dayAheadModel } from './model-kinds.js';

describe('registry model kinds', () => {
  const market = syntheticMarket(80, seededRandom(7));

  it('calibrates the short LEAR windows again under N-PIT, the long ones under asinh only', () => {
    expect(learMembersFor([56, 84, 1092])).toEqual([
      { window: 56, transform: 'asinh' },
      { window: 84, transform: 'asinh' },
      { window: 1092, transform: 'asinh' },
      { window: 56, transform: 'npit-bounded' },
      { window: 84, transform: 'npit-bounded' },
    ]);
  });

  it('forecasts every hour with the ensemble kind, whose LEAR side is not the plain LEAR kind', () => {
    const model = dayAheadModel('ensemble', [56]);
    expect(model.names).toEqual(['ensemble']);
    const lear = dayAheadModel('lear', [56]);
    for (let day = 70; day < 73; day++) {
      const history = historyBefore(market, day);
      const [blend] = model.forecastDay(history, day);
      expect(blend).toHaveLength(24);
      expect(blend!.every(Number.isFinite)).toBe(true);
      // The blend's LEAR member carries the N-PIT copy of the 56-day window, so it is
      // not the plain LEAR kind's forecast.
      const withNpit = forecastLearMembers(history, day, learMembersFor([56])).ensemble;
      expect(Array.from(withNpit)).not.toEqual(Array.from(lear.forecastDay(history, day)[0]!));
    }
  });
});
