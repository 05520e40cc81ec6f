import { describe, expect, it } from 'vitest';
import { dailyCloses, dailyMovesFromDaily, dailyMovesFromHourly } from './factor-history.js';

const H = 3_600_000;

describe('daily moves from hourly closes', () => {
  it('carries a missing hour forward and starts where every factor has a price', () => {
    const history = dailyMovesFromHourly(
      new Map([
        [
          'A',
          [
            { time: 0, close: 10 },
            { time: H, close: 11 },
            { time: 2 * H, close: 13 },
            { time: 3 * H, close: 12 },
          ],
        ],
        [
          'B',
          [
            { time: H, close: 50 },
            { time: 3 * H, close: 52 },
          ],
        ],
      ]),
    );
    expect(history.factors).toEqual(['A', 'B']);
    const s = Math.sqrt(24);
    // Hours 1..3; B has no close at hour 2, so it stands still there and moves at hour 3.
    expect([...history.moves.data]).toEqual([2 * s, 0, -1 * s, 2 * s]);
    expect(history.lastClose.get('B')).toBe(52);
    // The window's hourly levels of A are 11, 13, 12 (hour 0 is before B has a price).
    expect(history.meanClose.get('A')).toBe(12);
  });

  it('leaves out an instrument without history and says why', () => {
    const history = dailyMovesFromHourly(
      new Map([
        ['A', [{ time: 0, close: 1 }]],
        ['B', []],
      ]),
    );
    expect(history.factors).toEqual([]);
    expect(history.missing).toEqual([
      { instrumentId: 'A', reason: 'only one hourly close' },
      { instrumentId: 'B', reason: 'no price history' },
    ]);
    expect(history.moves.rows).toBe(0);
  });
});

describe('daily factor moves', () => {
  it('takes the last close of each day and one unscaled move per day', () => {
    const day = 86_400_000;
    const series = Array.from({ length: 300 * 24 }, (_, h) => ({
      time: Date.UTC(2026, 0, 1) + h * 3_600_000,
      close: 50 + Math.floor(h / 24),
    }));
    const history = dailyMovesFromDaily(new Map([['GAS-TTF-FUT-M', series]]));
    expect(history.moves.rows).toBe(299);
    expect(Array.from(history.moves.data.slice(0, 299)).every((m) => m === 1)).toBe(true);
    expect(dailyCloses(series.slice(0, 48))).toEqual([
      { time: Date.UTC(2026, 0, 1), close: 50 },
      { time: Date.UTC(2026, 0, 1) + day, close: 51 },
    ]);
  });
});
