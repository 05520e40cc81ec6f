import { describe, expect, it } from 'vitest';
import { forecastLearEnsemble, forecastLearMembers } from './lear.js';
import { historyBefore, HOURS } from './market-days.js';
import { seededRandom } from './prng.js';
import { syntheticMarket } from './synthetic-market.js';

describe('LEAR ensembles', () => {
  const market = syntheticMarket(120, seededRandom(11));
  const day = 100;
  const history = historyBefore(market, day);
  const actual = market.price.subarray(day * HOURS, (day + 1) * HOURS);
  const mae = (f: Float64Array) => f.reduce((s, v, h) => s + Math.abs(v - actual[h]!), 0) / HOURS;

  it('forecasts under N-PIT about as well as under asinh on a well-behaved market', () => {
    const { members } = forecastLearMembers(history, day, [
      { window: 56, transform: 'asinh' },
      { window: 56, transform: 'npit' },
    ]);
    const [asinh, npit] = members as [Float64Array, Float64Array];
    expect(mae(npit)).toBeLessThan(1.5 * mae(asinh) + 0.5);
    // Different transforms, different forecasts: that is what the average is for.
    expect(npit).not.toEqual(asinh);
  });

  it('averages its members', () => {
    const { members, ensemble } = forecastLearMembers(history, day, [
      { window: 28, transform: 'npit' },
      { window: 56, transform: 'asinh' },
      { window: 84, transform: 'npit' },
    ]);
    for (let h = 0; h < HOURS; h++)
      expect(ensemble[h]).toBeCloseTo(
        (members[0]![h]! + members[1]![h]! + members[2]![h]!) / 3,
        10,
      );
  });

  it('calibrates a window longer than the history on all of it, keeping every member', () => {
    const { members } = forecastLearEnsemble(history, day, [56, 500]);
    expect(members).toHaveLength(2);
    const all = forecastLearEnsemble(history, day, [day]).members[0]!;
    expect(members[1]).toEqual(all);
  });

  it('refuses an ensemble without members', () => {
    expect(() => forecastLearMembers(history, day, [])).toThrow(RangeError);
  });
});
