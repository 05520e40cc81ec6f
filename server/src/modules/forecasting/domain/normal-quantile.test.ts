import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

describe('normal quantile', () => {
  it('matches known quantiles of the standard normal', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963985, 7);
    expect(normalQuantile(0.8413447461)).toBeCloseTo(1, 7);
    // Deep in the tail, where the second approximation takes over.
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424309, 6);
  });

  it('is odd about one half and increasing', () => {
    let previous = -Infinity;
    for (let p = 0.001; p < 1; p += 0.001) {
      const z = normalQuantile(p);
      expect(z).toBeGreaterThan(previous);
      expect(normalQuantile(1 - p)).toBeCloseTo(-z, 8);
      previous = z;
    }
  });

  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN])
      expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});
