import { addDays, daysBetween, type DeliveryWindow } from './delivery-periods.js';

/** One quoted point of a forward curve, as local delivery days (inclusive). */
export interface CurveQuote {
  firstDay: string;
  lastDay: string;
  price: number;
}

/**
 * The forward price of a delivery window: each of its days takes the price of the
 * shortest quoted product that covers it (a month quote beats its quarter, a quarter
 * its year), and the window's price is their average over days. A window with a day no
 * quote covers has no curve price: extrapolating a mark would invent P&L.
 */
export function curvePrice(
  quotes: readonly CurveQuote[],
  window: Pick<DeliveryWindow, 'firstDay' | 'lastDay'>,
): number | null {
  const overlapping = quotes
    .filter(
      (q) =>
        q.firstDay <= window.lastDay && q.lastDay >= window.firstDay && Number.isFinite(q.price),
    )
    .sort((a, b) => daysBetween(a.firstDay, a.lastDay) - daysBetween(b.firstDay, b.lastDay));
  if (overlapping.length === 0) return null;
  let sum = 0;
  let days = 0;
  for (let day = window.firstDay; day <= window.lastDay; day = addDays(day, 1)) {
    const quote = overlapping.find((q) => q.firstDay <= day && q.lastDay >= day);
    if (!quote) return null;
    sum += quote.price;
    days += 1;
  }
  return days === 0 ? null : sum / days;
}
