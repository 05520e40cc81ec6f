import { describe, expect, it } from 'vitest';
import type { Candle } from './candles';
import { previousClose, windowEnding } from './ranges';

describe('chart windows and the change of the day', () => {
  it('asks for a week ending after the hour being formed', () => {
    const window = windowEnding(Date.parse('2026-07-15T12:20:00Z'), '1W');
    expect(window).toEqual({ from: '2026-07-08T14:00:00.000Z', to: '2026-07-15T14:00:00.000Z' });
  });

  it('measures change from the close of the previous Berlin day', () => {
    const day = (iso: string, close: number): Candle => ({
      time: Date.parse(iso),
      open: close,
      high: close,
      low: close,
      close,
      volume: 1,
    });
    const daily = [day('2026-07-13T22:00:00Z', 70), day('2026-07-14T22:00:00Z', 80)];
    expect(previousClose(daily, Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(70);
    expect(previousClose(daily, Date.parse('2026-07-15T22:30:00Z'), 'Europe/Berlin')).toBe(80);
    expect(previousClose([], Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBeNull();
  });
});
