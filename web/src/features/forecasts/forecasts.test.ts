import { describe, expect, it } from 'vitest';
import { publishedFor, ratiosToPublished } from './benchmarkRatios';
import { bandCoverage, forecastBands } from './forecastBands';
import type { ForecastPoint } from './types';
import { parseWindows } from './windows';

const point = (
  time: string,
  value: number,
  actual: number | null,
  width: number | null,
): ForecastPoint => ({
  deliveryDay: time.slice(0, 10),
  hour: Number(time.slice(11, 13)),
  time,
  value,
  actual,
  lower: width === null ? null : value - width,
  upper: width === null ? null : value + width,
});

const published = [
  { market: 'NP', model: 'LEAR ensemble', mae: 2, rmae: 0.5, smape: 5, rmse: 4 },
  { market: 'NP', model: 'DNN ensemble', mae: 1.5, rmae: 0.4, smape: 4, rmse: 3 },
];

describe('benchmark ratios', () => {
  it('divides our metrics by the published model of the same market', () => {
    const lear = publishedFor(published, ' np', 'LEAR ensemble');
    expect(ratiosToPublished({ mae: 3, rmae: 0.25, smape: null, rmse: 4 }, lear)).toEqual({
      mae: 1.5,
      rmae: 0.5,
      rmse: 1,
    });
  });

  it('has no ratios for a market the paper did not cover', () => {
    expect(ratiosToPublished({ mae: 3 }, publishedFor(published, 'DE', 'LEAR ensemble'))).toEqual(
      {},
    );
  });
});

describe('forecast bands', () => {
  it('orders hours in time and leaves out bands the first test day does not have', () => {
    const bands = forecastBands([
      point('2013-04-02T01:00:00Z', 30, 31, 2),
      point('2013-04-01T00:00:00Z', 28, null, null),
    ]);
    expect(bands.forecast.map((p) => p.value)).toEqual([28, 30]);
    expect(bands.actual).toHaveLength(1);
    expect(bands.upper).toEqual([{ time: Date.UTC(2013, 3, 2, 1) / 1000, value: 32 }]);
  });

  it('counts the hours whose price fell inside the band', () => {
    expect(
      bandCoverage([
        point('2013-04-02T01:00:00Z', 30, 31, 2),
        point('2013-04-02T02:00:00Z', 30, 40, 2),
      ]),
    ).toBe(0.5);
  });
});

describe('calibration windows field', () => {
  it('reads windows separated by commas or spaces, and empty as the defaults', () => {
    expect(parseWindows('56, 84 1092')).toEqual([56, 84, 1092]);
    expect(parseWindows('  ')).toBeUndefined();
  });

  it('refuses windows too short to calibrate on', () => {
    expect(parseWindows('7, 56')).toBeNull();
  });
});
