import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STANDARD_INSTRUMENTS } from './standard-instruments.js';
import { deliveryHours, periodContaining } from './delivery-period.js';
import { toLocal } from './time-zone.js';

const ZONES = [...new Set(STANDARD_INSTRUMENTS.map((instrument) => instrument.timeZone))];
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) });

describe('delivery period properties', () => {
  it('puts every instant inside the period that contains it, for every instrument', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...STANDARD_INSTRUMENTS), (at, instrument) => {
        const period = periodContaining(instrument, at);
        if (!period) return;
        expect(at).toBeGreaterThanOrEqual(period.start);
        expect(at).toBeLessThan(period.end);
        expect(periodContaining(instrument, period.start)).toEqual(period);
        expect(periodContaining(instrument, period.end - 1)).toEqual(period);
      }),
      { numRuns: 300 },
    );
  });

  it('tiles every delivery day with 23, 24 or 25 contiguous hours starting at local midnight', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
        const local = toLocal(zone, at);
        const hours = deliveryHours(zone, local);
        expect([23, 24, 25]).toContain(hours.length);
        hours.forEach((hour, i) => {
          expect(hour.end - hour.start).toBe(3_600_000);
          if (i > 0) expect(hour.start).toBe(hours[i - 1]?.end);
        });
        const first = toLocal(zone, hours[0]?.start ?? 0);
        expect([first.day, first.hour]).toEqual([local.day, 0]);
      }),
      { numRuns: 200 },
    );
  });
});
