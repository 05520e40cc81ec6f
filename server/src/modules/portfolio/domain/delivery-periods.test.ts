import { describe, expect, it } from 'vitest';
import { dealPeriod, deliveryDayOf, frontPeriod, type PeriodTerms } from './delivery-periods.js';

const power: PeriodTerms = {
  timeZone: 'Europe/Berlin',
  dayStartHour: 0,
  deliveryPeriod: 'month',
  commodity: 'power',
};
const ttf: PeriodTerms = {
  timeZone: 'Europe/Amsterdam',
  dayStartHour: 6,
  deliveryPeriod: 'month',
  commodity: 'gas',
};

describe('delivery days', () => {
  it('puts a gas hour before 06:00 local in the previous gas day', () => {
    expect(deliveryDayOf(ttf, Date.parse('2026-03-02T04:30:00Z'))).toBe('2026-03-01');
    expect(deliveryDayOf(ttf, Date.parse('2026-03-02T05:00:00Z'))).toBe('2026-03-02');
  });

  it('reads the local date on the day clocks go forward', () => {
    // 06:00 CEST on 29 March 2026 is 04:00 UTC: gas day the 29th, not the 28th.
    expect(deliveryDayOf(ttf, Date.parse('2026-03-29T04:00:00Z'))).toBe('2026-03-29');
  });
});

describe('the front contract of a continuous book', () => {
  it('is next month for a month future, rolling over the year end', () => {
    expect(frontPeriod(power, Date.parse('2026-01-05T09:00:00Z'))).toEqual({
      label: '2026-02',
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
    });
    expect(frontPeriod(power, Date.parse('2026-12-31T23:30:00Z')).label).toBe('2027-02');
    expect(frontPeriod(power, Date.parse('2026-12-31T12:00:00Z')).label).toBe('2027-01');
  });

  it('is the next quarter for a quarter future and next year for a calendar future', () => {
    expect(
      frontPeriod({ ...power, deliveryPeriod: 'quarter' }, Date.parse('2026-05-10T00:00:00Z')),
    ).toEqual({ label: '2026-Q3', firstDay: '2026-07-01', lastDay: '2026-09-30' });
    expect(
      frontPeriod({ ...power, deliveryPeriod: 'quarter' }, Date.parse('2026-11-10T00:00:00Z'))
        .label,
    ).toBe('2027-Q1');
    expect(
      frontPeriod({ ...power, deliveryPeriod: 'year' }, Date.parse('2026-05-10T00:00:00Z')).label,
    ).toBe('2027');
  });

  it("is this year's December contract for allowances", () => {
    expect(
      frontPeriod(
        { ...power, commodity: 'emissions', deliveryPeriod: 'year' },
        Date.parse('2026-05-10T00:00:00Z'),
      ).label,
    ).toBe('2026');
  });
});

describe('the delivery period of a deal', () => {
  it('names a deal delivering a whole local month as that month, across a clock change', () => {
    expect(
      dealPeriod(
        power,
        Date.parse('2026-03-01T00:00:00+01:00'),
        Date.parse('2026-04-01T00:00:00+02:00'),
      ),
    ).toEqual({
      label: '2026-03',
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
    });
  });

  it('names whole quarters, years and single days', () => {
    expect(
      dealPeriod(power, Date.parse('2026-03-31T22:00:00Z'), Date.parse('2026-06-30T22:00:00Z'))
        .label,
    ).toBe('2026-Q2');
    expect(
      dealPeriod(power, Date.parse('2025-12-31T23:00:00Z'), Date.parse('2026-12-31T23:00:00Z'))
        .label,
    ).toBe('2026');
    expect(
      dealPeriod(power, Date.parse('2026-02-14T09:00:00Z'), Date.parse('2026-02-14T10:00:00Z'))
        .label,
    ).toBe('2026-02-14');
  });

  it('names any other span by its first and last delivery day', () => {
    expect(
      dealPeriod(ttf, Date.parse('2026-02-10T05:00:00Z'), Date.parse('2026-02-17T05:00:00Z')),
    ).toEqual({
      label: '2026-02-10/2026-02-16',
      firstDay: '2026-02-10',
      lastDay: '2026-02-16',
    });
  });
});
