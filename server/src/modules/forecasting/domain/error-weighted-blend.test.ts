import { describe, expect, it } from 'vitest';
import { errorWeightedBlend } from './error-weighted-blend.js';
import { HOURS } from './market-days.js';
import { seededRandom } from './prng.js';

const days = 30;
const random = seededRandom(8);
const actual = Float64Array.from({ length: days * HOURS }, () => 40 + 10 * random.normal());
/** A forecast that misses the actual price by `miss` in alternating directions. */
const missingBy = (miss: number) => actual.map((p, i) => p + (i % 2 === 0 ? miss : -miss));

describe('error-weighted blend', () => {
  it('averages plainly until there are errors to weigh', () => {
    const blend = errorWeightedBlend(actual, [missingBy(1), missingBy(3)], { windowDays: 7 });
    for (let h = 0; h < HOURS; h++)
      expect(blend[h]).toBeCloseTo(actual[h]! + (h % 2 === 0 ? 2 : -2), 10);
  });

  it('weighs each model by the inverse of its recent mean absolute error', () => {
    const blend = errorWeightedBlend(actual, [missingBy(1), missingBy(3)], { windowDays: 7 });
    // Weights 1/1 and 1/3, normalised to 3/4 and 1/4: the blend misses by 1.5.
    const h = 10 * HOURS;
    expect(blend[h]! - actual[h]!).toBeCloseTo(0.75 * 1 + 0.25 * 3, 10);
  });

  it('leans harder toward the recent leader with a larger power', () => {
    const h = 10 * HOURS;
    const gentle = errorWeightedBlend(actual, [missingBy(1), missingBy(3)], { windowDays: 7 });
    const sharp = errorWeightedBlend(actual, [missingBy(1), missingBy(3)], {
      windowDays: 7,
      power: 4,
    });
    expect(Math.abs(sharp[h]! - actual[h]!)).toBeLessThan(Math.abs(gentle[h]! - actual[h]!));
  });

  it('never reads the actual prices of the day it blends or of later days', () => {
    const forecasts = [missingBy(1), actual.map((p, i) => p + 5 * Math.sin(i))];
    const clean = errorWeightedBlend(actual, forecasts, { windowDays: 5, power: 2 });
    const target = 17;
    const poisoned = actual.slice();
    for (let i = target * HOURS; i < poisoned.length; i++) poisoned[i] = 1e6;
    const blind = errorWeightedBlend(poisoned, forecasts, { windowDays: 5, power: 2 });
    expect([...blind.subarray(0, (target + 1) * HOURS)]).toEqual([
      ...clean.subarray(0, (target + 1) * HOURS),
    ]);
  });

  it('forgets errors older than its window', () => {
    // Model A is perfect for ten days and then misses by 4; model B always misses by 2.
    const a = actual.map((p, i) => (i < 10 * HOURS ? p : p + 4));
    const b = missingBy(2);
    const blend = errorWeightedBlend(actual, [a, b], { windowDays: 3 });
    const h = 20 * HOURS;
    // Over days 17..19 A missed by 4 and B by 2: weights 1/3 and 2/3.
    expect(blend[h]! - actual[h]!).toBeCloseTo(4 / 3 + (2 / 3) * 2, 10);
  });
});
