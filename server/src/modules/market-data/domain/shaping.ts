import { invalid } from '../../../platform/errors.js';
import type { DeliveryInterval } from './delivery-period.js';
import { deliveredHours, monthInterval } from './delivery-period.js';
import type { MonthlyPrice } from './forward-curve.js';
import type { Instrument } from './instrument.js';
import { toLocal } from './time-zone.js';

/** Relative price level by local hour of day (0–23), for working days and for weekends. */
export interface HourlyProfile {
  weekday: readonly number[];
  weekend: readonly number[];
}

export interface HourlyPrice extends DeliveryInterval {
  price: number;
}

/**
 * A typical continental shape: a morning ramp, a midday solar dip and an evening
 * peak on working days; flatter and lower at weekends. Only ratios matter.
 */
export const CONTINENTAL_PROFILE: HourlyProfile = {
  weekday: [
    0.82, 0.78, 0.76, 0.75, 0.77, 0.85, 1.0, 1.15, 1.2, 1.12, 1.02, 0.96, 0.93, 0.94, 0.98, 1.05,
    1.15, 1.28, 1.35, 1.3, 1.18, 1.05, 0.95, 0.87,
  ],
  weekend: [
    0.8, 0.76, 0.73, 0.72, 0.72, 0.74, 0.78, 0.83, 0.86, 0.84, 0.78, 0.72, 0.68, 0.68, 0.72, 0.8,
    0.92, 1.05, 1.12, 1.1, 1.02, 0.95, 0.9, 0.84,
  ],
};

function checkProfile(profile: HourlyProfile): void {
  for (const [name, factors] of Object.entries(profile) as [string, readonly number[]][]) {
    if (factors.length !== 24 || factors.some((factor) => !Number.isFinite(factor) || factor < 0)) {
      throw invalid(
        `profile.${name}`,
        'hourly_factors',
        `profile.${name} needs 24 finite non-negative factors`,
      );
    }
  }
}

/**
 * Hourly prices for each month of a curve. Factors are scaled per month so that the
 * average of the shaped hours equals the month's price exactly: shaping moves value
 * between hours but never changes what the month is worth.
 */
export function shapeToHours(
  monthly: readonly MonthlyPrice[],
  instrument: Instrument,
  profile: HourlyProfile,
): HourlyPrice[] {
  checkProfile(profile);
  const shaped: HourlyPrice[] = [];
  for (const month of monthly) {
    const interval = monthInterval(
      instrument.timeZone,
      month.year,
      month.month,
      instrument.dayStartHour,
    );
    const hours = deliveredHours(instrument, interval);
    const factors = hours.map((hour) => {
      const local = toLocal(instrument.timeZone, hour.start);
      const weekend = local.weekday === 0 || local.weekday === 6;
      return (weekend ? profile.weekend : profile.weekday)[local.hour] ?? 0;
    });
    const meanFactor = factors.reduce((sum, factor) => sum + factor, 0) / factors.length;
    if (!(meanFactor > 0)) {
      throw invalid(
        'profile',
        'positive_mean',
        `profile averages to zero over ${month.year}-${month.month}`,
      );
    }
    hours.forEach((hour, i) =>
      shaped.push({ ...hour, price: (month.price * (factors[i] ?? 0)) / meanFactor }),
    );
  }
  return shaped;
}
