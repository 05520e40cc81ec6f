import { describe, expect, it } from 'vitest';
import { explainChart, rowOf } from './explain';

const day = (date: string, priceMove: number, newTrades: number) => ({
  date,
  priceMove,
  newTrades,
  total: priceMove + newTrades,
  unexplained: 0,
  unconverted: 0,
});

describe('the daily P&L explain chart', () => {
  it('stacks gains upward and losses downward from zero', () => {
    const chart = explainChart([
      day('2026-01-06', 50, 10),
      day('2026-01-07', -45, -15),
      day('2026-01-08', 30, -20),
    ]);
    expect(chart.bars.map((b) => b.segments.map((s) => [s.part, s.from, s.to]))).toEqual([
      [
        ['priceMove', 0, 50],
        ['newTrades', 50, 60],
      ],
      [
        ['priceMove', 0, -45],
        ['newTrades', -45, -60],
      ],
      [
        ['priceMove', 0, 30],
        ['newTrades', 0, -20],
      ],
    ]);
    expect([chart.min, chart.max]).toEqual([-60, 60]);
  });

  it('draws nothing for a quiet day but keeps zero on the axis', () => {
    const chart = explainChart([day('2026-01-04', 0, 0)]);
    expect(chart).toEqual({
      bars: [{ date: '2026-01-04', total: 0, segments: [] }],
      min: 0,
      max: 0,
    });
    expect(rowOf(0, chart.min, chart.max, 100)).toBe(50);
  });

  it('maps the top of the axis to the first pixel row and the bottom to the last', () => {
    expect([rowOf(60, -60, 60, 120), rowOf(0, -60, 60, 120), rowOf(-60, -60, 60, 120)]).toEqual([
      0, 60, 120,
    ]);
  });
});
