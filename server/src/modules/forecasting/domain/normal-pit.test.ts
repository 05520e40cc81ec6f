import { describe, expect, it } from 'vitest';
import {
  fitNormalPit,
  fromNormalScore,
  fromNormalScoreBounded,
  toNormalScore,
} from './normal-pit.js';
import { normalInverseCdf as normalQuantile } from '../../../platform/maths/normal-distribution.js';
import { seededRandom } from './prng.js';

/** Spiky prices: mostly around 40, a few far above, a few negative. */
function spikyPrices(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: n }, () => {
    const u = random.next();
    return u < 0.03
      ? 200 + 300 * random.next()
      : u < 0.05
        ? -20 * random.next()
        : 40 + 8 * random.normal();
  });
}

describe('N-PIT transform', () => {
  const sample = spikyPrices(400, 1);
  const pit = fitNormalPit(sample);

  it('maps the k-th smallest of n values to the normal quantile of k / (n + 1)', () => {
    const sorted = Float64Array.from(sample).sort();
    for (const k of [1, 37, 200, 400])
      expect(toNormalScore(sorted[k - 1]!, pit)).toBeCloseTo(normalQuantile(k / 401), 10);
  });

  it('gives Gaussian-looking scores to a spiky sample', () => {
    const scores = Array.from(sample, (v) => toNormalScore(v, pit));
    const mean = scores.reduce((s, z) => s + z, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((s, z) => s + (z - mean) ** 2, 0) / scores.length);
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    expect(sd).toBeGreaterThan(0.9);
    expect(sd).toBeLessThan(1.05);
    expect(Math.max(...scores)).toBeLessThan(3.5);
  });

  it('round-trips values inside and outside the sample range', () => {
    for (const v of [-100, -20, 0, 12.5, 40, 41.3, 300, 499, 2000])
      expect(fromNormalScore(toNormalScore(v, pit), pit)).toBeCloseTo(v, 8);
    for (const z of [-6, -1.3, 0, 0.7, 2.9, 8])
      expect(toNormalScore(fromNormalScore(z, pit), pit)).toBeCloseTo(z, 8);
  });

  it('is strictly increasing, beyond the sample range too', () => {
    let previous = -Infinity;
    for (let v = -200; v <= 1500; v += 0.37) {
      const z = toNormalScore(v, pit);
      expect(z).toBeGreaterThan(previous);
      previous = z;
    }
  });

  it('keeps a record price above every calibrated one', () => {
    const top = toNormalScore(Math.max(...sample), pit);
    expect(toNormalScore(Math.max(...sample) + 50, pit)).toBeGreaterThan(top);
  });

  it('keeps bounded forecasts within the calibration sample, and exact inside it', () => {
    const low = Math.min(...sample);
    const high = Math.max(...sample);
    expect(fromNormalScoreBounded(9, pit)).toBe(high);
    expect(fromNormalScoreBounded(-9, pit)).toBe(low);
    expect(fromNormalScore(9, pit)).toBeGreaterThan(high);
    for (const v of [low, -3, 40, 41.3, 300, high])
      expect(fromNormalScoreBounded(toNormalScore(v, pit), pit)).toBeCloseTo(v, 8);
  });

  it('gives tied values one shared score', () => {
    const tied = fitNormalPit([5, 1, 3, 3, 3, 9]);
    expect(tied.values).toEqual(Float64Array.from([1, 3, 5, 9]));
    expect(toNormalScore(3, tied)).toBeCloseTo(
      (normalQuantile(2 / 7) + normalQuantile(3 / 7) + normalQuantile(4 / 7)) / 3,
      12,
    );
    expect(fromNormalScore(toNormalScore(3, tied), tied)).toBeCloseTo(3, 12);
  });

  it('maps a constant column to one value both ways', () => {
    const flat = fitNormalPit([7, 7, 7]);
    expect(toNormalScore(7, flat)).toBe(toNormalScore(100, flat));
    expect(fromNormalScore(1.5, flat)).toBe(7);
  });

  it('rejects an empty or non-finite sample', () => {
    expect(() => fitNormalPit([])).toThrow(RangeError);
    expect(() => fitNormalPit([1, Number.NaN, 3])).toThrow(RangeError);
    expect(() => fitNormalPit([1, Infinity])).toThrow(RangeError);
  });
});
