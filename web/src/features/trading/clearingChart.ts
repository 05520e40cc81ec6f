import type { HourResult } from './types';

export interface ChartPoint {
  hour: number;
  price: number;
  x: number;
  y: number;
}

export interface ChartGeometry {
  points: ChartPoint[];
  /** Where zero sits, when the prices straddle it (negative power prices happen). */
  zeroY: number | null;
  min: number;
  max: number;
}

/** Places cleared hours' prices in a width × height box; uncleared hours leave gaps. */
export function clearingChart(
  hours: readonly HourResult[],
  width: number,
  height: number,
  pad = 8,
): ChartGeometry {
  const cleared = hours.filter(
    (h): h is HourResult & { price: number } => h.cleared && h.price !== null,
  );
  if (cleared.length === 0) return { points: [], zeroY: null, min: 0, max: 0 };
  const prices = cleared.map((h) => h.price);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const span = max - min || 1;
  const lastHour = Math.max(23, ...hours.map((h) => h.hour));
  const x = (hour: number) => pad + (hour / lastHour) * (width - 2 * pad);
  const y = (price: number) => height - pad - ((price - min) / span) * (height - 2 * pad);
  return {
    points: cleared.map((h) => ({ hour: h.hour, price: h.price, x: x(h.hour), y: y(h.price) })),
    zeroY: min < 0 && max > 0 ? y(0) : null,
    min,
    max,
  };
}
