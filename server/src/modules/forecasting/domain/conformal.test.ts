import { describe, expect, it } from 'vitest';
import { conformalHalfWidth, empiricalCoverage, rollingConformalIntervals } from './conformal.js';
import { seededRandom } from './prng.js';

describe('conformal prediction intervals', () => {
  it('takes the ceil((n + 1)(1 - alpha))-th smallest error', () => {
    // n = 9, alpha = 0.2: rank ceil(10 * 0.8) = 8.
    expect(conformalHalfWidth([9, 1, 8, 2, 7, 3, 6, 4, 5], 0.2)).toBe(8);
    expect(conformalHalfWidth([1, 2, 3], 0.1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('covers close to the nominal share of hours on synthetic heavy-tailed errors', () => {
    const random = seededRandom(21);
    const hours = 24 * 400;
    const forecast = Float64Array.from({ length: hours }, (_, i) => 40 + 10 * Math.sin(i / 4));
    // Student-t-like errors whose scale depends on the hour of day.
    const actual = forecast.map((f, i) => {
      const scale = 1 + (i % 24) / 12;
      return f + (scale * random.normal()) / Math.sqrt(Math.max(random.next(), 0.05));
    });
    for (const alpha of [0.1, 0.2]) {
      const intervals = rollingConformalIntervals(actual, forecast, 60, alpha);
      const coverage = empiricalCoverage(actual, intervals.lower, intervals.upper);
      expect(coverage).toBeGreaterThan(1 - alpha - 0.02);
      expect(coverage).toBeLessThan(1 - alpha + 0.03);
    }
  });

  it('leaves the calibration days without an interval', () => {
    const intervals = rollingConformalIntervals(
      new Float64Array(24 * 5),
      new Float64Array(24 * 5),
      3,
      0.5,
    );
    expect(Number.isNaN(intervals.lower[2 * 24 + 5]!)).toBe(true);
    expect(intervals.lower[3 * 24 + 5]).toBe(0);
  });
});
