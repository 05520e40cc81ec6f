import { describe, expect, it } from 'vitest';
import { HOURS, type MarketDays } from './domain/market-days.js';
import { meanAbsoluteError } from './domain/metrics.js';
import { dailyNaive } from './domain/naive.js';
import { seededRandom } from './domain/prng.js';
import { walkForward } from './domain/walk-forward.js';
import { seasonalLoadModel } from './load-model.js';

// Two hundred days of a load with a daily cycle, a weekend dip and noise, starting on a Monday.
const DAYS = 200;
const random = seededRandom(7);
const weekday = Uint8Array.from({ length: DAYS }, (_, d) => d % 7);
const load = Float64Array.from({ length: DAYS * HOURS }, (_, i) => {
  const d = Math.floor(i / HOURS);
  const h = i % HOURS;
  const weekend = weekday[d]! >= 5 ? -150 : 0;
  const morning = weekday[d]! >= 5 ? 0 : 120 * Math.exp(-((h - 8) ** 2) / 4);
  return (
    1000 +
    0.2 * d +
    200 * Math.sin((2 * Math.PI * (h - 6)) / 24) +
    weekend +
    morning +
    25 * random.normal()
  );
});
const market: MarketDays = { days: DAYS, price: load, exogenous: [], weekday };

describe('seasonal day-ahead load model', () => {
  const first = DAYS - 21;
  const run = walkForward(market, first, [
    seasonalLoadModel([120]),
    { names: ['naive'], forecastDay: (h, d) => [dailyNaive(h, d)] },
  ]);

  it('forecasts three weeks of load more accurately than the daily naive', () => {
    const seasonal = meanAbsoluteError(run.actual, run.forecasts.get('seasonal')!);
    const naive = meanAbsoluteError(run.actual, run.forecasts.get('naive')!);
    expect(seasonal).toBeLessThan(0.85 * naive);
    // The noise alone costs about 25 * sqrt(2 / pi) = 20 MW of absolute error.
    expect(seasonal).toBeLessThan(30);
  });

  it('averages the forecasts of several calibration windows', () => {
    const day = DAYS - 1;
    const history = { ...market, price: load.slice(0, day * HOURS) };
    const [short] = seasonalLoadModel([60]).forecastDay(history, day);
    const [long] = seasonalLoadModel([120]).forecastDay(history, day);
    const [both] = seasonalLoadModel([60, 120]).forecastDay(history, day);
    expect(both![5]).toBeCloseTo((short![5]! + long![5]!) / 2, 9);
  });
});
