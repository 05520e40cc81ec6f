import { describe, expect, it } from 'vitest';
import { baselTrafficLight, countExceptions, kupiecTest } from './backtest.js';

describe('VaR exceptions', () => {
  it('counts days whose loss exceeded that day’s VaR', () => {
    const result = countExceptions([-120, 50, -99, -101, -300], [100, 100, 100, 100, 250]);
    expect(result.exceptions).toBe(3);
    expect(result.exceptionDays).toEqual([0, 3, 4]);
  });

  it('refuses P&L and VaR series of different lengths', () => {
    expect(() => countExceptions([1, 2], [1])).toThrow(/VaR figures/);
  });
});

describe('Kupiec proportion-of-failures test', () => {
  it('gives a likelihood ratio of zero when exceptions match the expected rate', () => {
    const result = kupiecTest(10, 1000, 0.99);
    expect(result.likelihoodRatio).toBeCloseTo(0, 12);
    expect(result.pValue).toBeCloseTo(1, 12);
    expect(result.rejected).toBe(false);
  });

  it('rejects 8 exceptions in 250 days at 99% (LR 7.73, p 0.0054)', () => {
    const result = kupiecTest(8, 250, 0.99);
    expect(result.likelihoodRatio).toBeCloseTo(7.733, 2);
    expect(result.pValue).toBeCloseTo(0.0054, 3);
    expect(result.rejected).toBe(true);
    expect(result.expectedExceptions).toBeCloseTo(2.5, 12);
  });

  it('also rejects a VaR that is never breached over a long window', () => {
    // -2 * 1000 * ln(0.99) = 20.1: far too conservative to be a 99% VaR.
    const result = kupiecTest(0, 1000, 0.99);
    expect(result.likelihoodRatio).toBeCloseTo(-2000 * Math.log(0.99), 9);
    expect(result.rejected).toBe(true);
  });

  it('accepts 4 exceptions in 250 days at 99%', () => {
    expect(kupiecTest(4, 250, 0.99).rejected).toBe(false);
  });
});

describe('Basel traffic light', () => {
  it('reproduces the Basel table for 250 days at 99%', () => {
    const zones = Array.from({ length: 12 }, (_, exceptions) => baselTrafficLight(exceptions).zone);
    expect(zones).toEqual([
      'green',
      'green',
      'green',
      'green',
      'green',
      'yellow',
      'yellow',
      'yellow',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
    expect(baselTrafficLight(4).cumulativeProbability).toBeCloseTo(0.8922, 4);
    expect(baselTrafficLight(7).plusFactor).toBe(0.65);
    expect(baselTrafficLight(10).plusFactor).toBe(1);
  });

  it('extends the rule to other windows by binomial probability', () => {
    // 500 days at 99%: 5 expected; P(X <= 8) = 0.933, P(X <= 9) = 0.969, P(X <= 14) = 0.99979, P(X <= 15) = 0.99994.
    expect(baselTrafficLight(8, 500, 0.99).zone).toBe('green');
    expect(baselTrafficLight(9, 500, 0.99).zone).toBe('yellow');
    expect(baselTrafficLight(14, 500, 0.99).zone).toBe('yellow');
    expect(baselTrafficLight(15, 500, 0.99).zone).toBe('red');
    expect(baselTrafficLight(9, 500, 0.99).plusFactor).toBeUndefined();
  });
});
