import { describe, expect, it } from 'vitest';
import {
  barsToCandles,
  bucketStart,
  candleChange,
  mergeTick,
  upsertCandle,
  type Candle,
} from './candles';

const t = (iso: string) => Date.parse(iso);

function candle(iso: string, close: number, volume = 1): Candle {
  return { time: t(iso), open: close, high: close, low: close, close, volume };
}

describe('merging live ticks into candles', () => {
  const history = [candle('2026-07-15T10:00:00Z', 50), candle('2026-07-15T11:00:00Z', 52, 4)];

  it('extends the last hourly candle with a tick inside its hour', () => {
    const next = mergeTick(
      history,
      { time: t('2026-07-15T11:40:00Z'), price: 57, volume: 2 },
      '1h',
      'Europe/Berlin',
    );
    expect(next).toHaveLength(2);
    expect(next[1]).toEqual({
      time: t('2026-07-15T11:00:00Z'),
      open: 52,
      high: 57,
      low: 52,
      close: 57,
      volume: 6,
    });
    expect(next[0]).toBe(history[0]);
  });

  it('lowers the low and keeps the open when the price falls', () => {
    const next = mergeTick(
      history,
      { time: t('2026-07-15T11:05:00Z'), price: 48, volume: 1 },
      '1h',
      'UTC',
    );
    expect(next[1]).toMatchObject({ open: 52, high: 52, low: 48, close: 48 });
  });

  it('opens a new candle at the start of the next bucket', () => {
    const next = mergeTick(
      history,
      { time: t('2026-07-15T12:14:59Z'), price: 60, volume: 3 },
      '15m',
      'UTC',
    );
    expect(next).toHaveLength(3);
    expect(next[2]).toEqual({
      time: t('2026-07-15T12:00:00Z'),
      open: 60,
      high: 60,
      low: 60,
      close: 60,
      volume: 3,
    });
  });

  it('starts a chart from nothing with the first tick', () => {
    const next = mergeTick(
      [],
      { time: t('2026-07-15T12:00:00Z'), price: 10, volume: 1 },
      '1h',
      'UTC',
    );
    expect(next).toHaveLength(1);
  });

  it('folds a late tick into the earlier candle it belongs to', () => {
    const next = mergeTick(
      history,
      { time: t('2026-07-15T10:30:00Z'), price: 70, volume: 1 },
      '1h',
      'UTC',
    );
    expect(next[0]).toMatchObject({ high: 70, close: 70, volume: 2 });
    expect(next[1]).toBe(history[1]);
  });

  it('drops a late tick for a bucket the chart does not hold, returning the same candles', () => {
    const next = mergeTick(
      history,
      { time: t('2026-07-15T08:30:00Z'), price: 70, volume: 1 },
      '1h',
      'UTC',
    );
    expect(next).toBe(history);
  });

  it('buckets daily candles by the market day, so 23:30 UTC in summer belongs to the next Berlin day', () => {
    expect(bucketStart(t('2026-07-15T23:30:00Z'), '1d', 'Europe/Berlin')).toBe(
      t('2026-07-15T22:00:00Z'),
    );
    expect(bucketStart(t('2026-07-15T23:30:00Z'), '1d', 'UTC')).toBe(t('2026-07-15T00:00:00Z'));
  });

  it('orders server bars by time and keeps one candle per bucket', () => {
    const candles = barsToCandles([
      { time: '2026-07-15T11:00:00Z', open: 1, high: 2, low: 1, close: 2, volume: 5 },
      { time: '2026-07-15T10:00:00Z', open: 3, high: 3, low: 3, close: 3, volume: 1 },
      { time: '2026-07-15T11:00:00Z', open: 1, high: 4, low: 1, close: 4, volume: 6 },
    ]);
    expect(candles.map((c) => c.close)).toEqual([3, 4]);
  });

  it('replaces a candle with the bar the server aggregated for the same bucket', () => {
    const bar = { ...candle('2026-07-15T11:00:00Z', 99), volume: 9 };
    expect(upsertCandle(history, bar)[1]).toBe(bar);
  });
});

describe('what the chart redraws', () => {
  const a = candle('2026-07-15T10:00:00Z', 1);
  const b = candle('2026-07-15T11:00:00Z', 2);

  it('updates only the last candle when a tick changed it', () => {
    const next = mergeTick(
      [a, b],
      { time: t('2026-07-15T11:30:00Z'), price: 3, volume: 1 },
      '1h',
      'UTC',
    );
    expect(candleChange([a, b], next)).toEqual({ kind: 'update', candle: next[1] });
  });

  it('updates with the new candle when a tick opened one', () => {
    const next = mergeTick(
      [a, b],
      { time: t('2026-07-15T12:30:00Z'), price: 3, volume: 1 },
      '1h',
      'UTC',
    );
    expect(candleChange([a, b], next)).toEqual({ kind: 'update', candle: next[2] });
  });

  it('redraws everything when an earlier candle changed or the history was replaced', () => {
    const late = mergeTick(
      [a, b],
      { time: t('2026-07-15T10:30:00Z'), price: 3, volume: 1 },
      '1h',
      'UTC',
    );
    expect(candleChange([a, b], late).kind).toBe('reset');
    expect(candleChange([a, b], [candle('2026-07-14T10:00:00Z', 1)]).kind).toBe('reset');
    expect(candleChange([], [a]).kind).toBe('reset');
  });

  it('does nothing when the candles are the same', () => {
    const shown = [a, b];
    expect(candleChange(shown, shown).kind).toBe('none');
  });
});
