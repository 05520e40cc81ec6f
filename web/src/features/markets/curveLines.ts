import type { LinePoint } from './LineChart';
import type { CurvePoint, CurveSummary, Instrument } from './types';

/** Curves of the instrument's own market (same commodity and area), those naming the instrument first. */
export function curvesFor(
  curves: readonly CurveSummary[],
  instrument: Pick<Instrument, 'id' | 'commodity' | 'area'>,
): CurveSummary[] {
  const names = (c: CurveSummary) => (c.instrumentIds?.includes(instrument.id) ? 0 : 1);
  return curves
    .filter((c) => c.commodity === instrument.commodity && c.area === instrument.area)
    .sort((a, b) => names(a) - names(b));
}

/** As-of dates newest first (ISO dates sort as text). */
export function newestFirst(asOfDates: readonly string[]): string[] {
  return [...asOfDates].sort().reverse();
}

const span = (p: CurvePoint) => Date.parse(p.end) - Date.parse(p.start);

/**
 * A curve quotes overlapping products (the months of a quarter and the
 * quarter itself, the quarters of a year and the year). A line can show one
 * price at a time, so it takes the finest product at each date: months,
 * then the quarters after the last month, then the years after those.
 */
export function finestCover(points: readonly CurvePoint[]): CurvePoint[] {
  const ordered = [...points].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || span(a) - span(b),
  );
  const cover: CurvePoint[] = [];
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const point of ordered) {
    if (Date.parse(point.start) < coveredUntil) continue;
    cover.push(point);
    coveredUntil = Date.parse(point.end);
  }
  return cover;
}

/**
 * A forward curve as a step line: each price holds from its period's start,
 * and a closing point at the last period's end gives that step its width.
 */
export function curveSteps(points: readonly CurvePoint[]): LinePoint[] {
  const ordered = finestCover(points);
  const steps = ordered.map((p) => ({ time: Date.parse(p.start), value: p.price }));
  const last = ordered.at(-1);
  if (last) steps.push({ time: Date.parse(last.end), value: last.price });
  return steps;
}

// Fixed rather than from Intl, whose short month names differ between ICU versions (`Sep`, `Sept`).
const monthCodes = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** How a trader names a delivery period: `Dec 2026`, `Q1 2027`, `Cal 2028`. */
export function deliveryLabel(
  point: Pick<CurvePoint, 'start' | 'tenor'>,
  timeZone: string,
): string {
  const start = new Date(point.start);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(start);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = Number(parts.find((p) => p.type === 'month')?.value ?? '1');
  switch (point.tenor) {
    case 'month':
      return `${monthCodes[month - 1] ?? month} ${year}`;
    case 'quarter':
      return `Q${Math.ceil(month / 3)} ${year}`;
    case 'year':
      return `Cal ${year}`;
    default:
      return point.tenor;
  }
}

const tenorOrder = ['month', 'quarter', 'year'];

export interface TenorRow {
  delivery: string;
  tenor: string;
  start: string;
  price: number;
  /** The compared curve's price for the same delivery start, if it has one. */
  compared: number | null;
}

export function tenorRows(
  points: readonly CurvePoint[],
  compared: readonly CurvePoint[] | undefined,
  timeZone: string,
): TenorRow[] {
  const key = (p: CurvePoint) => `${p.tenor}|${p.start}`;
  const comparedPrice = new Map((compared ?? []).map((p) => [key(p), p.price]));
  const rank = (p: CurvePoint) => {
    const index = tenorOrder.indexOf(p.tenor);
    return index < 0 ? tenorOrder.length : index;
  };
  return [...points]
    .sort((a, b) => rank(a) - rank(b) || Date.parse(a.start) - Date.parse(b.start))
    .map((p) => ({
      delivery: deliveryLabel(p, timeZone),
      tenor: p.tenor,
      start: p.start,
      price: p.price,
      compared: comparedPrice.get(key(p)) ?? null,
    }));
}
