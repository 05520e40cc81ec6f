import { describe, expect, it } from 'vitest';
import { deliveryDay, inspectHourlySeries, toTwentyFourHours } from './preprocessing.js';

const HOUR = 3_600_000;
// Central European offsets for 2024: summer time from 31 March 01:00 UTC to 27 October 01:00 UTC.
const springForward = Date.UTC(2024, 2, 31, 1);
const fallBack = Date.UTC(2024, 9, 27, 1);
const cet = (instant: number): number =>
  instant >= springForward && instant < fallBack ? 120 : 60;

function hourlyInstants(fromUtc: number, hours: number): number[] {
  return Array.from({ length: hours }, (_, i) => fromUtc + i * HOUR);
}

describe('hourly series inspection', () => {
  it('finds the 23-hour and 25-hour delivery days of the market time zone', () => {
    const spring = hourlyInstants(Date.UTC(2024, 2, 29, 23), 24 * 3);
    const autumn = hourlyInstants(Date.UTC(2024, 9, 25, 22), 24 * 3 + 1);
    const instants = [...spring, ...autumn];
    const report = inspectHourlySeries(
      instants,
      instants.map(() => 50),
      cet,
    );
    expect(report.daylightSavingDays).toEqual([
      { day: deliveryDay(Date.UTC(2024, 2, 31, 12), cet), hours: 23 },
      { day: deliveryDay(Date.UTC(2024, 9, 27, 12), cet), hours: 25 },
    ]);
  });

  it('reports gaps and duplicated hours', () => {
    const instants = hourlyInstants(Date.UTC(2024, 0, 10), 48);
    const withFaults = [
      ...instants.slice(0, 10),
      ...instants.slice(13, 20),
      instants[19]!,
      ...instants.slice(20),
    ];
    const report = inspectHourlySeries(
      withFaults,
      withFaults.map(() => 40),
      cet,
    );
    expect(report.gaps).toEqual([{ after: instants[9], missingHours: 3 }]);
    expect(report.duplicates).toEqual([instants[19]]);
  });

  it('flags outliers without removing them', () => {
    const values = Array.from({ length: 200 }, (_, i) => 40 + (i % 7));
    values[77] = 900;
    const instants = hourlyInstants(Date.UTC(2024, 0, 1), values.length);
    expect(inspectHourlySeries(instants, values, cet).outliers).toEqual([77]);
    expect(values).toHaveLength(200);
  });

  it('brings daylight-saving days to 24 hours', () => {
    const short = Array.from({ length: 23 }, (_, h) => h * 10);
    const filled = toTwentyFourHours(short, 2);
    expect(filled).toHaveLength(24);
    expect(filled[2]).toBe(15);
    const long = [0, 10, 20, 30, ...Array.from({ length: 21 }, (_, h) => 100 + h)];
    const merged = toTwentyFourHours(long, 2);
    expect(merged).toHaveLength(24);
    expect(merged.slice(0, 4)).toEqual([0, 10, 25, 100]);
  });
});
