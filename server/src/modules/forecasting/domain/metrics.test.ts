import { describe, expect, it } from 'vitest';
import {
  accuracyReport,
  meanAbsoluteError,
  relativeMae,
  rootMeanSquaredError,
  symmetricMape,
} from './metrics.js';

describe('point forecast accuracy', () => {
  const actual = [10, 20, 30, 40];
  const forecast = [12, 18, 30, 44];

  it('pools absolute and squared errors over every hour', () => {
    // Errors 2, 2, 0, 4.
    expect(meanAbsoluteError(actual, forecast)).toBeCloseTo(2, 12);
    expect(rootMeanSquaredError(actual, forecast)).toBeCloseTo(Math.sqrt((4 + 4 + 0 + 16) / 4), 12);
  });

  it('computes sMAPE against the mean of price and forecast, in percent', () => {
    const expected = (100 / 4) * (2 / 11 + 2 / 19 + 0 + 4 / 42);
    expect(symmetricMape(actual, forecast)).toBeCloseTo(expected, 10);
  });

  it('scores an hour where price and forecast are both zero as no error', () => {
    expect(symmetricMape([0, 10], [0, 10])).toBe(0);
  });

  it('divides by the weekly naive error measured on the test prices after their first week', () => {
    // Two days of two "hours", with a one-day season standing in for the week.
    const prices = Array.from({ length: 8 * 2 }, (_, i) => (i < 14 ? 10 : 16));
    const model = prices.map((p) => p + 1);
    // The naive p(t - 14) errs only on hours 14 and 15, by 6 each: MAE 12 / 2 = 6.
    expect(relativeMae(prices, model, 2)).toBeCloseTo(1 / 6, 12);
  });

  it('reports all four figures together', () => {
    const report = accuracyReport(
      Array.from({ length: 24 * 8 }, (_, i) => 30 + (i % 24)),
      Array.from({ length: 24 * 8 }, (_, i) => 31 + (i % 24)),
    );
    expect(report.mae).toBeCloseTo(1, 12);
    expect(report.rmse).toBeCloseTo(1, 12);
    // A constant weekly pattern makes the naive perfect, so rMAE is unbounded.
    expect(report.rmae).toBe(Number.POSITIVE_INFINITY);
  });
});
