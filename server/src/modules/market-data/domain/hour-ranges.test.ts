import { describe, expect, it } from 'vitest';
import { HOUR_MS, splitAtHours, touchedHourRanges } from './hour-ranges.js';

const T0 = Date.UTC(2026, 0, 5, 10);

describe('touched hour ranges', () => {
  it('joins adjacent hours of one instrument and keeps gaps and instruments apart', () => {
    const ticks = [
      { instrumentId: 'B', time: T0 + 5 * 60_000 },
      { instrumentId: 'A', time: T0 + HOUR_MS + 1 },
      { instrumentId: 'A', time: T0 + 59 * 60_000 },
      { instrumentId: 'A', time: T0 + 4 * HOUR_MS },
      { instrumentId: 'A', time: T0 },
    ];
    expect(touchedHourRanges(ticks)).toEqual([
      { instrumentId: 'A', from: T0, to: T0 + 2 * HOUR_MS },
      { instrumentId: 'A', from: T0 + 4 * HOUR_MS, to: T0 + 5 * HOUR_MS },
      { instrumentId: 'B', from: T0, to: T0 + HOUR_MS },
    ]);
  });

  it('makes one range of a year of one-minute ticks', () => {
    const ticks = Array.from({ length: 525_600 }, (_, i) => ({
      instrumentId: 'A',
      time: T0 + i * 60_000,
    }));
    expect(touchedHourRanges(ticks)).toEqual([
      { instrumentId: 'A', from: T0, to: T0 + 8_760 * HOUR_MS },
    ]);
  });
});

describe('splitting a range at whole hours', () => {
  it('separates the partial hours at both edges', () => {
    expect(splitAtHours(T0 + 30 * 60_000, T0 + 3 * HOUR_MS + 1)).toEqual({
      head: [T0 + 30 * 60_000, T0 + HOUR_MS],
      whole: [T0 + HOUR_MS, T0 + 3 * HOUR_MS],
      tail: [T0 + 3 * HOUR_MS, T0 + 3 * HOUR_MS + 1],
    });
  });

  it('has no edges when the range is aligned, and no whole hour inside one hour', () => {
    expect(splitAtHours(T0, T0 + 2 * HOUR_MS)).toEqual({
      head: null,
      whole: [T0, T0 + 2 * HOUR_MS],
      tail: null,
    });
    expect(splitAtHours(T0 + 1, T0 + HOUR_MS - 1)).toEqual({
      head: null,
      whole: null,
      tail: [T0 + 1, T0 + HOUR_MS - 1],
    });
  });
});
