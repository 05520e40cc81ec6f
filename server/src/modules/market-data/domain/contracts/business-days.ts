import { addDays, formatLocalDate, weekdayOf, type LocalDate } from '../time-zone.js';

/**
 * The days a venue is open, as a small documented rule rather than a published
 * holiday file: weekends plus fixed holidays.
 *
 * - `target`: the TARGET2 closing days (1 January, Good Friday, Easter Monday, 1 May,
 *   25 and 26 December), which is what EEX's exchange days follow for the derivatives
 *   this platform lists. EEX also closes on a few further days some years (24 and 31
 *   December); those are not modelled.
 * - `uk`: the England and Wales bank holidays ICE Futures Europe and ICE Endex call
 *   "UK Business Days": New Year's Day, Good Friday, Easter Monday, the early May,
 *   spring and summer bank holidays, Christmas and Boxing Day, with the usual
 *   substitute weekdays. One-off holidays proclaimed for a single year (jubilees,
 *   coronations, state funerals) are not modelled.
 */
export type BusinessCalendar = 'target' | 'uk';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const isWeekend = (date: LocalDate): boolean => {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
};

/** The first day of the month after a month. */
export const nextMonthStart = (year: number, month: number): LocalDate =>
  month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };

/** The first Monday of a month, or its last when `last` is set. */
export function mondayOf(year: number, month: number, last: boolean): LocalDate {
  if (!last) {
    const first = { year, month, day: 1 };
    return addDays(first, (8 - weekdayOf(first)) % 7);
  }
  const lastOfMonth = addDays(nextMonthStart(year, month), -1);
  return addDays(lastOfMonth, -((weekdayOf(lastOfMonth) + 6) % 7));
}

function targetHolidays(year: number): LocalDate[] {
  const easter = easterSunday(year);
  return [
    { year, month: 1, day: 1 },
    addDays(easter, -2),
    addDays(easter, 1),
    { year, month: 5, day: 1 },
    { year, month: 12, day: 25 },
    { year, month: 12, day: 26 },
  ];
}

function ukHolidays(year: number): LocalDate[] {
  const easter = easterSunday(year);
  const taken = new Set<string>();
  // A holiday on a weekend (or on a day another holiday already took) moves to the next free weekday.
  const observe = (date: LocalDate): LocalDate => {
    let day = date;
    while (isWeekend(day) || taken.has(formatLocalDate(day))) day = addDays(day, 1);
    taken.add(formatLocalDate(day));
    return day;
  };
  return [
    observe({ year, month: 1, day: 1 }),
    addDays(easter, -2),
    addDays(easter, 1),
    mondayOf(year, 5, false),
    mondayOf(year, 5, true),
    mondayOf(year, 8, true),
    observe({ year, month: 12, day: 25 }),
    observe({ year, month: 12, day: 26 }),
  ];
}

const holidayCache = new Map<string, Set<string>>();

function holidaysOf(calendar: BusinessCalendar, year: number): Set<string> {
  const key = `${calendar}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const list = calendar === 'target' ? targetHolidays(year) : ukHolidays(year);
    days = new Set(list.map(formatLocalDate));
    holidayCache.set(key, days);
  }
  return days;
}

export const isBusinessDay = (calendar: BusinessCalendar, date: LocalDate): boolean =>
  !isWeekend(date) && !holidaysOf(calendar, date.year).has(formatLocalDate(date));

/** The `count`-th business day strictly before a date (1 is the business day before). */
export function businessDaysBefore(
  calendar: BusinessCalendar,
  date: LocalDate,
  count: number,
): LocalDate {
  let day = date;
  for (let found = 0; found < count;) {
    day = addDays(day, -1);
    if (isBusinessDay(calendar, day)) found++;
  }
  return day;
}

/** The `count`-th business day strictly after a date. */
export function businessDaysAfter(
  calendar: BusinessCalendar,
  date: LocalDate,
  count: number,
): LocalDate {
  let day = date;
  for (let found = 0; found < count;) {
    day = addDays(day, 1);
    if (isBusinessDay(calendar, day)) found++;
  }
  return day;
}

/** The last business day of a month. */
export function lastBusinessDayOfMonth(
  calendar: BusinessCalendar,
  year: number,
  month: number,
): LocalDate {
  return businessDaysBefore(calendar, nextMonthStart(year, month), 1);
}
