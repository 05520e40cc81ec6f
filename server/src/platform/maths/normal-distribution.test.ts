import { describe, expect, it } from 'vitest';
import { normalCdf, normalInverseCdf } from './normal-distribution.js';

// The quantile checks forecasting's N-PIT relied on when it carried its own copy.
describe('standard normal quantile', () => {
  it('matches known quantiles of the standard normal', () => {
    expect(normalInverseCdf(0.5)).toBeCloseTo(0, 9);
    expect(normalInverseCdf(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalInverseCdf(0.025)).toBeCloseTo(-1.959963985, 7);
    expect(normalInverseCdf(0.8413447461)).toBeCloseTo(1, 7);
    // Deep in the tail, where the second approximation takes over.
    expect(normalInverseCdf(1e-6)).toBeCloseTo(-4.753424309, 6);
  });

  it('is odd about one half, increasing, and the inverse of the cdf', () => {
    let previous = -Infinity;
    for (let p = 0.001; p < 1; p += 0.001) {
      const z = normalInverseCdf(p);
      expect(z).toBeGreaterThan(previous);
      expect(normalInverseCdf(1 - p)).toBeCloseTo(-z, 8);
      expect(normalCdf(z)).toBeCloseTo(p, 12);
      previous = z;
    }
  });

  it('answers the infinities at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalInverseCdf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalInverseCdf(1)).toBe(Number.POSITIVE_INFINITY);
    for (const p of [-0.1, 1.5, Number.NaN]) expect(normalInverseCdf(p)).toBeNaN();
  });
});
