import type { CurvePoint } from './domain/forward-curve.js';
import { toLocal } from './domain/time-zone.js';

/**
 * A plausible forward curve for the demo around a price level: the next twelve months
 * with a winter premium, the four quarters of the following year and two calendar
 * years in gentle backwardation. Demo data, not a model of any market.
 */
export function demoCurvePoints(level: number, asOf: number, timeZone: string): CurvePoint[] {
  const today = toLocal(timeZone, asOf);
  const winterPremium = (month: number): number =>
    1 + 0.15 * Math.cos((2 * Math.PI * (month - 1)) / 12);
  const points: CurvePoint[] = [];
  for (let ahead = 1; ahead <= 12; ahead++) {
    const zeroBased = today.month - 1 + ahead;
    const year = today.year + Math.floor(zeroBased / 12);
    const month = (zeroBased % 12) + 1;
    points.push({
      tenor: 'month',
      year,
      index: month,
      price: round2(level * winterPremium(month)),
    });
  }
  const nextYear = today.year + 2;
  for (let quarter = 1; quarter <= 4; quarter++) {
    const months = [1, 2, 3].map((m) => (quarter - 1) * 3 + m);
    const factor = months.reduce((sum, m) => sum + winterPremium(m), 0) / 3;
    points.push({
      tenor: 'quarter',
      year: nextYear,
      index: quarter,
      price: round2(level * 0.97 * factor),
    });
  }
  points.push({ tenor: 'year', year: nextYear + 1, index: 1, price: round2(level * 0.94) });
  points.push({ tenor: 'year', year: nextYear + 2, index: 1, price: round2(level * 0.92) });
  return points;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
