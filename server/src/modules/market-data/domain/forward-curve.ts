import { invalid } from '../../../platform/errors.js';
import { deliveredHours, monthInterval } from './delivery-period.js';
import type { Instrument } from './instrument.js';

/**
 * A forward curve as the market quotes it: a mix of months, quarters and years
 * marked on one as-of date. Trading and risk need a price for every month, so
 * quarters and years are decomposed into the months nobody quoted.
 */

export type CurveTenor = 'month' | 'quarter' | 'year';

export interface CurvePoint {
  tenor: CurveTenor;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  price: number;
}

export interface ForwardCurve {
  /** The term instrument whose delivery hours weight the decomposition, e.g. `PWR-DE-LU-FUT-M-BASE`. */
  instrument: Instrument;
  /** `YYYY-MM-DD`, the trading day the marks are for. */
  asOf: string;
  points: CurvePoint[];
}

export interface MonthlyPrice {
  year: number;
  month: number;
  price: number;
  /** Whether the market quoted this month or it was filled from a quarter or year. */
  source: CurveTenor;
}

function monthsOf(point: CurvePoint): number[] {
  switch (point.tenor) {
    case 'month':
      return [point.index];
    case 'quarter':
      return [1, 2, 3].map((offset) => (point.index - 1) * 3 + offset);
    case 'year':
      return Array.from({ length: 12 }, (_, i) => i + 1);
  }
}

function checkPoint(point: CurvePoint): void {
  const maxIndex = { month: 12, quarter: 4, year: 1 }[point.tenor];
  if (!Number.isInteger(point.index) || point.index < 1 || point.index > maxIndex) {
    throw invalid(
      'points.index',
      'range',
      `${point.tenor} index ${point.index} is outside 1–${maxIndex}`,
    );
  }
  if (!Number.isFinite(point.price))
    throw invalid(
      'points.price',
      'finite',
      `price of ${point.tenor} ${point.year}/${point.index} is not finite`,
    );
}

/**
 * Monthly prices that reprice every quoted product. Quoted months stand; each
 * quarter then fills its missing months with one flat price chosen so that the
 * hour-weighted average of its three months equals the quarter; each year then
 * does the same for months still missing. Flat filling is the simplest choice that
 * leaves no arbitrage between a product and its parts; it ignores seasonality
 * within the quarter or year, which a desk would layer on with a shape.
 */
export function monthlyPrices(curve: ForwardCurve): MonthlyPrice[] {
  curve.points.forEach(checkPoint);
  const months = new Map<string, MonthlyPrice>();
  const key = (year: number, month: number): string => `${year}-${month}`;
  const hours = (year: number, month: number): number =>
    deliveredHours(
      curve.instrument,
      monthInterval(curve.instrument.timeZone, year, month, curve.instrument.dayStartHour),
    ).length;

  for (const point of curve.points.filter((p) => p.tenor === 'month')) {
    months.set(key(point.year, point.index), {
      year: point.year,
      month: point.index,
      price: point.price,
      source: 'month',
    });
  }
  for (const tenor of ['quarter', 'year'] as const) {
    for (const point of curve.points.filter((p) => p.tenor === tenor)) {
      const parts = monthsOf(point).map((month) => ({
        month,
        hours: hours(point.year, month),
        known: months.get(key(point.year, month)),
      }));
      const missing = parts.filter((part) => !part.known);
      if (missing.length === 0) continue;
      const totalHours = parts.reduce((sum, part) => sum + part.hours, 0);
      const knownValue = parts.reduce(
        (sum, part) => sum + (part.known ? part.known.price * part.hours : 0),
        0,
      );
      const missingHours = missing.reduce((sum, part) => sum + part.hours, 0);
      const fill = (point.price * totalHours - knownValue) / missingHours;
      for (const part of missing) {
        months.set(key(point.year, part.month), {
          year: point.year,
          month: part.month,
          price: fill,
          source: tenor,
        });
      }
    }
  }
  return [...months.values()].sort((a, b) => a.year - b.year || a.month - b.month);
}

/** Hour-weighted average of monthly prices over a quarter or year, to check a decomposition. */
export function averageOver(
  curve: ForwardCurve,
  prices: readonly MonthlyPrice[],
  year: number,
  months: readonly number[],
): number {
  let value = 0;
  let totalHours = 0;
  for (const month of months) {
    const price = prices.find((p) => p.year === year && p.month === month);
    if (!price) throw invalid('month', 'present', `no price for ${year}-${month}`);
    const hours = deliveredHours(
      curve.instrument,
      monthInterval(curve.instrument.timeZone, year, month, curve.instrument.dayStartHour),
    ).length;
    value += price.price * hours;
    totalHours += hours;
  }
  return value / totalHours;
}
