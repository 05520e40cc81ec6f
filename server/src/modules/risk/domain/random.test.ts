import { describe, expect, it } from 'vitest';
import { normalCdf } from './distributions.js';
import { createNormalSampler } from './normal-sampler.js';
import { createRandomSource, Xoshiro128 } from './random.js';

const draws = (seed: number, count: number): Float64Array => {
  const out = new Float64Array(count);
  createNormalSampler(createRandomSource(seed)).fill(out);
  return out;
};

describe('seeded randomness', () => {
  it('repeats the same stream for the same seed', () => {
    const a = new Xoshiro128(2021);
    const b = new Xoshiro128(2021);
    for (let i = 0; i < 100; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('gives unrelated streams for neighbouring seeds', () => {
    const a = new Xoshiro128(1);
    const b = new Xoshiro128(2);
    let equal = 0;
    for (let i = 0; i < 1000; i++) if (a.nextUint32() === b.nextUint32()) equal++;
    expect(equal).toBeLessThan(3);
  });

  it('fills raw words identically to drawing them one by one', () => {
    const a = new Xoshiro128(7);
    const b = new Xoshiro128(7);
    const block = new Int32Array(10);
    a.fillInt32(block);
    for (const word of block) expect(word >>> 0).toBe(b.nextUint32());
  });

  it('draws uniform floats in [0, 1) with mean one half', () => {
    const random = createRandomSource(99);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });
});

describe('ziggurat normal sampler', () => {
  const n = 200_000;
  const sample = draws(12345, n);

  it('has mean 0, variance 1 and kurtosis 3', () => {
    let mean = 0;
    let second = 0;
    let fourth = 0;
    for (const x of sample) {
      mean += x;
      second += x * x;
      fourth += x ** 4;
    }
    expect(Math.abs(mean / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(second / n - 1)).toBeLessThan(0.015);
    expect(Math.abs(fourth / n - 3)).toBeLessThan(0.1);
  });

  it('passes a Kolmogorov-Smirnov test against the normal cdf', () => {
    const sorted = Float64Array.from(sample).sort();
    let distance = 0;
    sorted.forEach((x, i) => {
      const cdf = normalCdf(x);
      distance = Math.max(distance, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
    });
    // 1.63 / sqrt(n) is the 99% critical value.
    expect(distance).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('puts 1% of draws beyond the 99% quantile, tail included', () => {
    const beyond = sample.filter((x) => x > 2.3263478740408408).length / n;
    const farTail = sample.filter((x) => Math.abs(x) > 3.442619855899).length / n;
    expect(Math.abs(beyond - 0.01)).toBeLessThan(0.001);
    expect(Math.abs(farTail - 2 * normalCdf(-3.442619855899))).toBeLessThan(2.5e-4);
  });
});

describe('normal sampler streams', () => {
  it('gives the same draws through fill as through next', () => {
    const bulk = new Float64Array(10_000);
    createNormalSampler(createRandomSource(77)).fill(bulk);
    const single = createNormalSampler(createRandomSource(77));
    // Odd chunk sizes cross the internal block boundary at different points.
    const mixed = new Float64Array(10_000);
    for (let i = 0; i < mixed.length; i += 333) {
      const end = Math.min(mixed.length, i + 333);
      mixed[i] = single.next();
      single.fill(mixed.subarray(i + 1, end));
    }
    expect([...mixed]).toEqual([...bulk]);
  });
});
