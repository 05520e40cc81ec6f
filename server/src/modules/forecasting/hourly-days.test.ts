import { describe, expect, it } from 'vitest';
import {
  completeRunEndingAt,
  hourlyMeans,
  lastCompleteDay,
  localHourIn,
  toHourlyDays,
  type DeliveryDayBounds,
} from './hourly-days.js';

const HOUR = 3_600_000;
const berlin = localHourIn('Europe/Berlin');

// Local midnights in Berlin around the 2024 changes: 31 March has 23 hours, 27 October 25.
const day = (date: string, start: number, hours: number): DeliveryDayBounds => ({
  date,
  start,
  end: start + hours * HOUR,
});
const spring = day('2024-03-31', Date.UTC(2024, 2, 30, 23), 23);
const autumn = day('2024-10-27', Date.UTC(2024, 9, 26, 22), 25);
const winter = day('2024-01-10', Date.UTC(2024, 0, 9, 23), 24);

const hoursOf = (d: DeliveryDayBounds, value: (k: number) => number) =>
  Array.from({ length: (d.end - d.start) / HOUR }, (_, k) => ({
    time: d.start + k * HOUR,
    value: value(k),
  }));

describe('market-data series as 24-hour delivery days', () => {
  it('fills the hour skipped in spring with the mean of its neighbours', () => {
    const days = toHourlyDays(
      hoursOf(spring, (k) => k * 10),
      [spring],
      berlin,
    );
    expect(days.complete).toEqual([true]);
    // Delivery hours 00, 01, 03, ...: the missing 02 is between 10 and 20.
    expect(Array.from(days.values.subarray(0, 5))).toEqual([0, 10, 15, 20, 30]);
    expect(days.values[23]).toBe(220);
  });

  it('averages the hour repeated in autumn', () => {
    const days = toHourlyDays(
      hoursOf(autumn, (k) => k),
      [autumn],
      berlin,
    );
    expect(days.complete).toEqual([true]);
    expect(Array.from(days.values.subarray(0, 4))).toEqual([0, 1, 2.5, 4]);
    expect(days.values[23]).toBe(24);
  });

  it('keeps the known hours of a day with a gap but marks it incomplete', () => {
    const points = hoursOf(winter, (k) => k + 100).filter(
      (p) => p.time !== winter.start + 5 * HOUR,
    );
    const days = toHourlyDays(points, [winter, spring], berlin);
    expect(days.complete).toEqual([false, false]);
    expect(days.values[4]).toBe(104);
    expect(days.values[5]).toBeNaN();
    expect(days.values[24]).toBeNaN();
  });

  it('averages quarter-hourly readings into the hour they start in', () => {
    const t = Date.UTC(2024, 0, 10, 6);
    const quarters = [0, 1, 2, 3, 4].map((q) => ({ time: t + q * 900_000, value: 100 + q }));
    expect(hourlyMeans(quarters)).toEqual([
      { time: t, value: 101.5 },
      { time: t + HOUR, value: 104 },
    ]);
  });

  it('measures the unbroken run of complete days behind the latest one', () => {
    const complete = [true, true, false, true, true, true, false];
    expect(lastCompleteDay(complete)).toBe(5);
    expect(completeRunEndingAt(complete, 5)).toBe(3);
    expect(lastCompleteDay([false])).toBe(-1);
  });
});
