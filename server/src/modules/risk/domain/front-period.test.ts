import { describe, expect, it } from 'vitest';
import { frontPeriodLabel, SPOT_PERIOD } from './front-period.js';

const berlin = { commodity: 'power', timeZone: 'Europe/Berlin', dayStartHour: 0 };
const gas = { commodity: 'gas', timeZone: 'Europe/Amsterdam', dayStartHour: 6 };

describe('front delivery period of a rolling contract', () => {
  it('is next month once the local month has turned, though UTC is still in the old one', () => {
    // 23:30 on 30 June in UTC is already 1 July in Berlin.
    expect(
      frontPeriodLabel({ ...berlin, deliveryPeriod: 'month' }, Date.UTC(2026, 5, 30, 21, 59)),
    ).toBe('2026-07');
    expect(
      frontPeriodLabel({ ...berlin, deliveryPeriod: 'month' }, Date.UTC(2026, 5, 30, 22, 30)),
    ).toBe('2026-08');
  });

  it('keeps the old gas day until six in the morning', () => {
    // 05:00 local on 1 July is still the gas day of 30 June.
    expect(frontPeriodLabel({ ...gas, deliveryPeriod: 'month' }, Date.UTC(2026, 6, 1, 3))).toBe(
      '2026-07',
    );
    expect(frontPeriodLabel({ ...gas, deliveryPeriod: 'month' }, Date.UTC(2026, 6, 1, 5))).toBe(
      '2026-08',
    );
  });

  it('rolls quarters and years over the turn of the year', () => {
    expect(frontPeriodLabel({ ...berlin, deliveryPeriod: 'quarter' }, Date.UTC(2026, 4, 15))).toBe(
      '2026-Q3',
    );
    expect(frontPeriodLabel({ ...berlin, deliveryPeriod: 'quarter' }, Date.UTC(2026, 11, 1))).toBe(
      '2027-Q1',
    );
    expect(frontPeriodLabel({ ...berlin, deliveryPeriod: 'month' }, Date.UTC(2026, 11, 10))).toBe(
      '2027-01',
    );
    expect(
      frontPeriodLabel({ ...berlin, deliveryPeriod: 'year' }, Date.UTC(2026, 11, 31, 12)),
    ).toBe('2027');
  });

  it('labels December allowances by the current year and spot products as spot', () => {
    expect(
      frontPeriodLabel(
        {
          commodity: 'emissions',
          deliveryPeriod: 'month',
          timeZone: 'Europe/Berlin',
          dayStartHour: 0,
        },
        Date.UTC(2026, 3, 2),
      ),
    ).toBe('2026-12');
    expect(frontPeriodLabel({ ...berlin, deliveryPeriod: 'hour' }, Date.UTC(2026, 3, 2))).toBe(
      SPOT_PERIOD,
    );
  });
});
