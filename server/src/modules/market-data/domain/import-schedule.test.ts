import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, LONGEST_BACKOFF_MS, importDays, nextImportAt } from './import-schedule.js';
import { formatLocalDate } from './time-zone.js';

const HOUR = 3_600_000;

describe('import schedule', () => {
  it('waits the interval after a clean run and doubles the retry delay while failures go on', () => {
    expect(nextImportAt(0, HOUR, 0)).toBe(HOUR);
    expect([1, 2, 3, 4].map((failures) => nextImportAt(0, HOUR, failures))).toEqual([
      FIRST_RETRY_MS,
      2 * FIRST_RETRY_MS,
      4 * FIRST_RETRY_MS,
      8 * FIRST_RETRY_MS,
    ]);
    // A source that keeps failing is asked ever less often, but at least every few hours.
    expect(nextImportAt(0, HOUR, 12)).toBe(LONGEST_BACKOFF_MS);
    expect(nextImportAt(0, HOUR, 5_000)).toBe(LONGEST_BACKOFF_MS);
    expect(nextImportAt(0, 24 * HOUR, 40)).toBe(24 * HOUR);
  });

  it('asks for delivery days in the market calendar, not the UTC one', () => {
    // 23:30 UTC on 28 March is already 29 March in Berlin, the day the clocks go forward.
    const lateEvening = Date.UTC(2026, 2, 28, 23, 30);
    expect(importDays('Europe/Berlin', lateEvening, 1, 1).map(formatLocalDate)).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(importDays('America/New_York', lateEvening, 0, 0).map(formatLocalDate)).toEqual([
      '2026-03-28',
    ]);
  });
});
