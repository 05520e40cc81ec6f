import { describe, expect, it } from 'vitest';
import { aggregateBars } from './bars.js';
import type { Tick } from './tick.js';

const base = Date.UTC(2026, 9, 24, 22, 0);
const tick = (
  minutes: number,
  price: number,
  volume: number,
  instrumentId = 'GAS-TTF-DA',
): Tick => ({
  instrumentId,
  time: base + minutes * 60_000,
  deliveryStart: 0,
  deliveryEnd: 0,
  price,
  volume,
});

describe('OHLC bar aggregation', () => {
  const ticks = [
    tick(16, 31, 10),
    tick(1, 30, 10),
    tick(5, 33, 20),
    tick(14, 29, 5),
    tick(61, 35, 0),
    tick(3, 50, 1, 'GAS-NBP-DA'),
  ];

  it('orders ticks by time within a bucket to find open and close', () => {
    const [first, second] = aggregateBars(ticks, '15m').filter(
      (bar) => bar.instrumentId === 'GAS-TTF-DA',
    );
    expect(first).toMatchObject({
      bucketStart: base,
      open: 30,
      high: 33,
      low: 29,
      close: 29,
      volume: 35,
      tickCount: 3,
    });
    expect(first?.vwap).toBeCloseTo((30 * 10 + 33 * 20 + 29 * 5) / 35, 10);
    expect(second).toMatchObject({ bucketStart: base + 15 * 60_000, open: 31, close: 31 });
  });

  it('keeps instruments apart and averages prices plainly when nothing traded', () => {
    const hourly = aggregateBars(ticks, '1h');
    expect(hourly.map((bar) => [bar.instrumentId, bar.tickCount])).toEqual([
      ['GAS-NBP-DA', 1],
      ['GAS-TTF-DA', 4],
      ['GAS-TTF-DA', 1],
    ]);
    expect(hourly[2]).toMatchObject({ vwap: 35, volume: 0 });
    expect(aggregateBars(ticks, '1m')).toHaveLength(6);
  });

  it('builds daily bars on local days, 25 hours long on 25 October 2026 in Berlin', () => {
    const daily = aggregateBars(ticks, '1d', 'Europe/Berlin').filter(
      (bar) => bar.instrumentId === 'GAS-TTF-DA',
    );
    expect(daily).toHaveLength(1);
    expect(daily[0]?.bucketEnd).toBe((daily[0]?.bucketStart ?? 0) + 25 * 3_600_000);
    expect(
      aggregateBars(ticks, '1d').filter((bar) => bar.instrumentId === 'GAS-TTF-DA'),
    ).toHaveLength(1);
  });
});
