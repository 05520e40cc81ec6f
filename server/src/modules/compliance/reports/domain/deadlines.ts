import {
  addDays,
  formatLocalDate,
  parseLocalDate,
  toLocal,
  weekdayOf,
} from '../../../market-data/index.js';

/**
 * When a report is due. REMIT: standard contracts by the end of the working day after
 * the contract is concluded (T+1); non-standard contracts within one month of it (REMIT
 * II, Regulation (EU) 2024/1106). A lifecycle event (modify, cancel) is due on the same
 * rule from the day it happens. EMIR derivatives follow T+1 too.
 *
 * Days are counted in the reporting calendar's own time zone, so a trade at 00:30 CET on
 * Tuesday is Tuesday's even though it is Monday in UTC.
 */
export interface WorkingCalendar {
  /** IANA zone the regulator's days are counted in, e.g. `Europe/Ljubljana` for ACER. */
  timeZone: string;
  /** Public holidays (no working day), `YYYY-MM-DD`. Saturdays and Sundays never work. */
  holidays: ReadonlySet<string>;
}

export type ReportingRule = 'standard' | 'non-standard';

/** The calendar date of an instant in `timeZone`, `YYYY-MM-DD`. */
export const localDate = (instant: number, timeZone: string): string =>
  formatLocalDate(toLocal(timeZone, instant));

const nextDay = (date: string): string => formatLocalDate(addDays(parseLocalDate(date)!, 1));

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = weekdayOf(parseLocalDate(date)!);
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

export function nextWorkingDay(date: string, calendar: WorkingCalendar): string {
  let day = nextDay(date);
  while (!isWorkingDay(day, calendar)) day = nextDay(day);
  return day;
}

/** The same day of the next month; the month's last day when it has no such day (31 Jan → 28/29 Feb). */
export function oneMonthAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastOfNext))).toISOString().slice(0, 10);
}

/** The last day (inclusive, in the calendar's zone) a report of an event at `eventAt` may be made. */
export function reportDueDate(
  rule: ReportingRule,
  eventAt: number,
  calendar: WorkingCalendar,
): string {
  const eventDay = localDate(eventAt, calendar.timeZone);
  return rule === 'standard' ? nextWorkingDay(eventDay, calendar) : oneMonthAfter(eventDay);
}
