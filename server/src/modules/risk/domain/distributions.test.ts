import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  chiSquare1Cdf,
  chiSquare1Survival,
  logGamma,
  normalCdf,
  normalInverseCdf,
  normalPdf,
} from './distributions.js';

describe('normal distribution', () => {
  it('matches textbook values of the cumulative normal', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 14);
    expect(normalCdf(2.326347874040841)).toBeCloseTo(0.99, 14);
  });

  it('keeps relative accuracy deep in the lower tail', () => {
    // Phi(-10) = 7.61985302416e-24
    expect(normalCdf(-10) / 7.61985302416e-24).toBeCloseTo(1, 9);
  });

  it('gives the familiar 95%, 99% and 99.9% quantiles', () => {
    expect(normalInverseCdf(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalInverseCdf(0.99)).toBeCloseTo(2.3263478740408408, 12);
    expect(normalInverseCdf(0.001)).toBeCloseTo(-3.090232306167813, 12);
  });

  it('inverts the cdf to better than 1e-9 across (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = normalInverseCdf(p);
        expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-9 * Math.max(p, 1e-3));
      }),
    );
  });

  it('is symmetric about zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
        expect(normalPdf(x)).toBe(normalPdf(-x));
      }),
    );
  });

  it('returns infinities at probabilities 0 and 1 and NaN outside', () => {
    expect(normalInverseCdf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalInverseCdf(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalInverseCdf(1.5)).toBeNaN();
  });
});

describe('chi-square with one degree of freedom', () => {
  it('puts the 95% critical value at 3.841', () => {
    expect(chiSquare1Cdf(3.841458820694124)).toBeCloseTo(0.95, 12);
    expect(chiSquare1Survival(6.634896601021214)).toBeCloseTo(0.01, 12);
  });

  it('is the square of a standard normal', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5, noNaN: true }), (z) => {
        expect(chiSquare1Cdf(z * z)).toBeCloseTo(normalCdf(z) - normalCdf(-z), 12);
      }),
    );
  });
});

describe('binomial and gamma', () => {
  it('reproduces log factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('agrees with the direct sum of probabilities for a small sample', () => {
    const n = 12;
    const p = 0.3;
    let choose = 1;
    let cumulative = 0;
    for (let k = 0; k <= n; k++) {
      if (k > 0) choose = (choose * (n - k + 1)) / k;
      cumulative += choose * p ** k * (1 - p) ** (n - k);
      expect(binomialCdf(k, n, p)).toBeCloseTo(cumulative, 12);
    }
  });

  it('does not underflow for long windows', () => {
    expect(binomialCdf(1000, 100_000, 0.01)).toBeGreaterThan(0.49);
    expect(binomialCdf(1000, 100_000, 0.01)).toBeLessThan(0.52);
  });
});
