/**
 * Delivery periods as the portfolio groups positions by them: named like the market's
 * products (`2026-02`, `2026-Q2`, `2026`, `2026-02-14`) and spanning local delivery days
 * (`firstDay`..`lastDay`, inclusive, `YYYY-MM-DD` in the instrument's zone). Days, not
 * instants, because a gas day starts at 06:00 and a power day at midnight, and the desk
 * reads both as "the 14th". Local days come from market data's calendar.
 */
import {
  addDays as addLocalDays,
  deliveryDateOf,
  formatLocalDate,
  type LocalDate,
} from '../../market-data/index.js';

/** What of an instrument decides its delivery days. */
export interface PeriodTerms {
  timeZone: string;
  /** Local hour at which a delivery day starts (0 power, 6 TTF gas). */
  dayStartHour: number;
  /** The instrument's product: `month`, `quarter`, `year`, or a spot period. */
  deliveryPeriod: string;
  commodity: string;
}

export interface DeliveryWindow {
  label: string;
  firstDay: string;
  lastDay: string;
}

export const dayText = (d: LocalDate): string => formatLocalDate(d);
const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Shifts a `YYYY-MM-DD` day by whole days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return formatLocalDate(addLocalDays({ year, month, day: date }, days));
}

/**
 * The delivery day an instant falls in: its local date, or the day before when the
 * local hour is earlier than the day's start (05:00 on the 2nd is gas day the 1st).
 */
export function deliveryDayOf(
  terms: Pick<PeriodTerms, 'timeZone' | 'dayStartHour'>,
  instant: number,
): string {
  return formatLocalDate(deliveryDateOf(terms.timeZone, instant, terms.dayStartHour));
}

export function monthWindow(year: number, month: number): DeliveryWindow {
  return {
    label: `${year}-${String(month).padStart(2, '0')}`,
    firstDay: dayText({ year, month, day: 1 }),
    lastDay: dayText({ year, month, day: daysInMonth(year, month) }),
  };
}

export function quarterWindow(year: number, quarter: number): DeliveryWindow {
  const last = quarter * 3;
  return {
    label: `${year}-Q${quarter}`,
    firstDay: dayText({ year, month: last - 2, day: 1 }),
    lastDay: dayText({ year, month: last, day: daysInMonth(year, last) }),
  };
}

export function yearWindow(year: number): DeliveryWindow {
  return { label: String(year), firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
}

/**
 * The contract a continuous book trades at an instant: its front contract, the nearest
 * month, quarter or year that has not started delivering. Allowance futures are the
 * current year's December contract until it expires, so they are the current year.
 * A spot product (not traded continuously) delivers the next day.
 */
export function frontPeriod(terms: PeriodTerms, instant: number): DeliveryWindow {
  const today = deliveryDayOf(terms, instant);
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (terms.commodity === 'emissions') return yearWindow(year);
  switch (terms.deliveryPeriod) {
    case 'month':
      return month === 12 ? monthWindow(year + 1, 1) : monthWindow(year, month + 1);
    case 'quarter': {
      const next = Math.floor((month - 1) / 3) + 2;
      return next === 5 ? quarterWindow(year + 1, 1) : quarterWindow(year, next);
    }
    case 'year':
      return yearWindow(year + 1);
    default: {
      const tomorrow = addDays(today, 1);
      return { label: tomorrow, firstDay: tomorrow, lastDay: tomorrow };
    }
  }
}

/**
 * The window of an OTC deal delivering over [start, end): named as the product it
 * spans exactly (a month, quarter, year or single day), else by its first and last day.
 */
export function dealPeriod(
  terms: Pick<PeriodTerms, 'timeZone' | 'dayStartHour'>,
  start: number,
  end: number,
): DeliveryWindow {
  const firstDay = deliveryDayOf(terms, start);
  const lastDay = deliveryDayOf(terms, end - 1);
  const [fy, fm, fd] = firstDay.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = lastDay.split('-').map(Number) as [number, number, number];
  const whole = (label: string): DeliveryWindow => ({ label, firstDay, lastDay });
  if (firstDay === lastDay) return whole(firstDay);
  const wholeMonths = fd === 1 && ld === daysInMonth(ly, lm);
  if (wholeMonths && fy === ly) {
    if (fm === lm) return monthWindow(fy, fm);
    if (fm % 3 === 1 && lm === fm + 2) return quarterWindow(fy, (fm + 2) / 3);
    if (fm === 1 && lm === 12) return yearWindow(fy);
  }
  return whole(`${firstDay}/${lastDay}`);
}

/** Days from one `YYYY-MM-DD` to another, inclusive of both. */
export function daysBetween(firstDay: string, lastDay: string): number {
  return (
    Math.round(
      (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000,
    ) + 1
  );
}
