import { describe, expect, it } from 'vitest';
import { curvePrice } from './curve-marks.js';

const quotes = [
  { firstDay: '2026-01-01', lastDay: '2026-12-31', price: 70 },
  { firstDay: '2026-04-01', lastDay: '2026-06-30', price: 60 },
  { firstDay: '2026-05-01', lastDay: '2026-05-31', price: 55 },
];

describe('a forward price for a delivery window', () => {
  it('takes a quoted month before the quarter and the year that contain it', () => {
    expect(curvePrice(quotes, { firstDay: '2026-05-01', lastDay: '2026-05-31' })).toBe(55);
    expect(curvePrice(quotes, { firstDay: '2026-04-01', lastDay: '2026-04-30' })).toBe(60);
    expect(curvePrice(quotes, { firstDay: '2026-09-01', lastDay: '2026-09-30' })).toBe(70);
  });

  it('averages over delivery days when a window spans products', () => {
    // 30 April days at the quarter's 60, 31 May days at 55.
    expect(curvePrice(quotes, { firstDay: '2026-04-01', lastDay: '2026-05-31' })).toBeCloseTo(
      (30 * 60 + 31 * 55) / 61,
      10,
    );
  });

  it('gives no price when a day of the window is not quoted', () => {
    expect(curvePrice(quotes, { firstDay: '2026-12-31', lastDay: '2027-01-01' })).toBeNull();
    expect(curvePrice([], { firstDay: '2026-05-01', lastDay: '2026-05-31' })).toBeNull();
  });
});
