import { describe, expect, it } from 'vitest';
import { standardCatalogue } from './catalogue.js';
import {
  dayAheadGateClosure,
  deliveredHours,
  deliveryDay,
  deliveryHours,
  deliveryQuarterHours,
  hoursIn,
  monthInterval,
  peakBlock,
  periodContaining,
} from './delivery-period.js';
import { localToUtc, toLocal, utcOffsetMinutes } from './time-zone.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, day: dayOfMonth });

describe('delivery days across daylight-saving changes', () => {
  it('gives a Berlin delivery day 23 hours on 29 March 2026 and 25 on 25 October 2026', () => {
    expect(deliveryHours('Europe/Berlin', day(2026, 3, 29))).toHaveLength(23);
    expect(deliveryHours('Europe/Berlin', day(2026, 10, 25))).toHaveLength(25);
    expect(deliveryHours('Europe/Berlin', day(2026, 3, 28))).toHaveLength(24);
    expect(deliveryQuarterHours('Europe/Berlin', day(2026, 3, 29))).toHaveLength(92);
    expect(deliveryQuarterHours('Europe/Berlin', day(2026, 10, 25))).toHaveLength(100);
  });

  it('starts and ends the short Berlin day at local midnight in each offset', () => {
    const interval = deliveryDay('Europe/Berlin', day(2026, 3, 29));
    expect(iso(interval.start)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(interval.end)).toBe('2026-03-29T22:00:00.000Z');
  });

  it('changes the US days on their own dates: 8 March and 1 November 2026', () => {
    expect(deliveryHours('America/Chicago', day(2026, 3, 8))).toHaveLength(23);
    expect(deliveryHours('America/New_York', day(2026, 11, 1))).toHaveLength(25);
    expect(deliveryHours('America/Chicago', day(2026, 3, 29))).toHaveLength(24);
    expect(iso(deliveryDay('America/New_York', day(2026, 1, 15)).start)).toBe(
      '2026-01-15T05:00:00.000Z',
    );
    expect(iso(deliveryDay('America/Chicago', day(2026, 7, 15)).start)).toBe(
      '2026-07-15T05:00:00.000Z',
    );
  });

  it('resolves a repeated autumn wall time to its first occurrence and a skipped spring one forward', () => {
    expect(iso(localToUtc('Europe/Berlin', day(2026, 10, 25), 2, 30))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(localToUtc('Europe/Berlin', day(2026, 3, 29), 2, 30))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(utcOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
  });
});

describe('gas days and blocks', () => {
  it('runs a TTF gas day from 06:00 to 06:00 Amsterdam time, 23 hours at the spring change', () => {
    const gasDay = deliveryDay('Europe/Amsterdam', day(2026, 3, 28), 6);
    expect(iso(gasDay.start)).toBe('2026-03-28T05:00:00.000Z');
    expect(iso(gasDay.end)).toBe('2026-03-29T04:00:00.000Z');
    expect(hoursIn(gasDay)).toBe(23);
  });

  it('runs a UK gas day from 05:00 to 05:00 UK time', () => {
    const winter = deliveryDay('Europe/London', day(2026, 1, 10), 5);
    const summer = deliveryDay('Europe/London', day(2026, 7, 10), 5);
    expect(iso(winter.start)).toBe('2026-01-10T05:00:00.000Z');
    expect(iso(summer.start)).toBe('2026-07-10T04:00:00.000Z');
  });

  it('puts an instant before 06:00 local into the previous gas day', () => {
    const ttf = standardCatalogue.get('GAS-TTF-DA');
    const period = periodContaining(ttf, Date.UTC(2026, 0, 10, 4, 30));
    expect(period?.label).toBe('2026-01-09');
    expect(iso(period?.end ?? 0)).toBe('2026-01-10T05:00:00.000Z');
  });

  it('has a peak block 08:00-20:00 on weekdays and none at the weekend', () => {
    const monday = peakBlock('Europe/Berlin', day(2026, 7, 6));
    expect(monday && iso(monday.start)).toBe('2026-07-06T06:00:00.000Z');
    expect(monday && hoursIn(monday)).toBe(12);
    expect(peakBlock('Europe/Berlin', day(2026, 7, 4))).toBeNull();
    const pjm = peakBlock('America/New_York', day(2026, 7, 6));
    expect(pjm && hoursIn(pjm)).toBe(16);
  });

  it('counts peak hours of a month future on working days only', () => {
    const peakMonth = standardCatalogue.get('PWR-DE-LU-FUT-M-PEAK');
    const baseMonth = standardCatalogue.get('PWR-DE-LU-FUT-M-BASE');
    const march = monthInterval('Europe/Berlin', 2026, 3);
    expect(deliveredHours(baseMonth, march)).toHaveLength(31 * 24 - 1);
    // March 2026 has 22 working days.
    expect(deliveredHours(peakMonth, march)).toHaveLength(22 * 12);
  });
});

describe('which delivery period contains an instant', () => {
  it('labels the repeated October hour by its offset', () => {
    const hourly = standardCatalogue.get('PWR-DE-LU-DA-H');
    const first = periodContaining(hourly, Date.UTC(2026, 9, 25, 0, 20));
    const second = periodContaining(hourly, Date.UTC(2026, 9, 25, 1, 20));
    expect(first?.label).toBe('2026-10-25T02:00+02:00');
    expect(second?.label).toBe('2026-10-25T02:00+01:00');
    expect(second && second.end - second.start).toBe(3_600_000);
  });

  it('floors quarter-hours and finds the month, quarter and year of an instant', () => {
    const quarterHourly = standardCatalogue.get('PWR-FR-DA-QH');
    const slot = periodContaining(quarterHourly, Date.UTC(2026, 4, 1, 10, 44, 59));
    expect(slot && iso(slot.start)).toBe('2026-05-01T10:30:00.000Z');
    // 31 December 23:30 UTC is already 1 January in Berlin.
    const yearEnd = Date.UTC(2026, 11, 31, 23, 30);
    expect(periodContaining(standardCatalogue.get('PWR-DE-LU-FUT-M-BASE'), yearEnd)?.label).toBe(
      '2027-01',
    );
    expect(periodContaining(standardCatalogue.get('PWR-DE-LU-FUT-Q-BASE'), yearEnd)?.label).toBe(
      '2027-Q1',
    );
    expect(periodContaining(standardCatalogue.get('PWR-DE-LU-FUT-Y-BASE'), yearEnd)?.label).toBe(
      '2027',
    );
  });

  it('finds no peak block at night', () => {
    const peak = standardCatalogue.get('PWR-NL-DA-PEAK');
    expect(periodContaining(peak, Date.UTC(2026, 6, 7, 22))).toBeNull();
    expect(periodContaining(peak, Date.UTC(2026, 6, 7, 12))?.label).toBe('2026-07-07');
  });

  it('keeps an ERCOT hour within its Chicago delivery day', () => {
    const ercot = standardCatalogue.get('PWR-ERCOT-NORTH-DA-H');
    const period = periodContaining(ercot, Date.UTC(2026, 2, 8, 8, 10));
    expect(period?.label).toBe('2026-03-08T03:00-05:00');
    expect(toLocal('America/Chicago', period?.start ?? 0).hour).toBe(3);
  });
});

describe('day-ahead gate closure', () => {
  it('closes EPEX at 12:00 Berlin time on the day before delivery', () => {
    const epex = standardCatalogue.get('PWR-DE-LU-DA-H');
    expect(iso(dayAheadGateClosure(epex, day(2026, 3, 29)))).toBe('2026-03-28T11:00:00.000Z');
    expect(iso(dayAheadGateClosure(epex, day(2026, 3, 30)))).toBe('2026-03-29T10:00:00.000Z');
  });

  it('closes N2EX at 09:50 UK time and PJM at 10:30 New York time', () => {
    expect(iso(dayAheadGateClosure(standardCatalogue.get('PWR-GB-DA-H'), day(2026, 6, 2)))).toBe(
      '2026-06-01T08:50:00.000Z',
    );
    expect(
      iso(dayAheadGateClosure(standardCatalogue.get('PWR-PJM-WEST-DA-H'), day(2026, 1, 6))),
    ).toBe('2026-01-05T15:30:00.000Z');
  });

  it('refuses a gate closure for a product without a day-ahead auction', () => {
    expect(() =>
      dayAheadGateClosure(standardCatalogue.get('OIL-BRENT-FUT-M'), day(2026, 1, 6)),
    ).toThrow(/not traded in a day-ahead auction/);
  });
});
