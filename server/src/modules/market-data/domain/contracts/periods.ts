import {
  addDays,
  formatLocalDate,
  parseLocalDate,
  weekdayOf,
  type LocalDate,
} from '../time-zone.js';
import { nextMonthStart } from './business-days.js';
import type { Tenor } from './product.js';

/**
 * The delivery periods contracts are listed for, as local delivery days
 * [first, end): `end` is the day after the last delivery day. Each has the code that
 * follows the product code in a contract id: `2027-01-15`, `WE-2027-01-16`, `2027-W03`,
 * `2027-01`, `2027-Q1`, `SUM-2027` (April–September), `WIN-2027` (October 2027 to
 * March 2028), `CAL-2027`, and `2027` for an EUA December.
 */
export interface ContractPeriod {
  tenor: Tenor;
  code: string;
  first: LocalDate;
  end: LocalDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day = 1): LocalDate => ({ year, month, day });

/** Monday of ISO week 1 of an ISO week-numbering year (the week holding 4 January). */
function isoWeekOneMonday(year: number): LocalDate {
  const fourth = ymd(year, 1, 4);
  return addDays(fourth, -((weekdayOf(fourth) + 6) % 7));
}

function isoWeekOf(monday: LocalDate): { year: number; week: number } {
  // The ISO year is the year of the week's Thursday.
  const year = addDays(monday, 3).year;
  const start = isoWeekOneMonday(year);
  const days =
    (Date.UTC(monday.year, monday.month - 1, monday.day) -
      Date.UTC(start.year, start.month - 1, start.day)) /
    86_400_000;
  return { year, week: days / 7 + 1 };
}

function make(tenor: Tenor, first: LocalDate): ContractPeriod {
  switch (tenor) {
    case 'day':
      return { tenor, code: formatLocalDate(first), first, end: addDays(first, 1) };
    case 'weekend':
      return { tenor, code: `WE-${formatLocalDate(first)}`, first, end: addDays(first, 2) };
    case 'week': {
      const { year, week } = isoWeekOf(first);
      return { tenor, code: `${year}-W${pad(week)}`, first, end: addDays(first, 7) };
    }
    case 'month':
      return {
        tenor,
        code: `${first.year}-${pad(first.month)}`,
        first,
        end: nextMonthStart(first.year, first.month),
      };
    case 'quarter': {
      const quarter = (first.month - 1) / 3 + 1;
      const end = quarter === 4 ? ymd(first.year + 1, 1) : ymd(first.year, first.month + 3);
      return { tenor, code: `${first.year}-Q${quarter}`, first, end };
    }
    case 'season':
      return first.month === 4
        ? { tenor, code: `SUM-${first.year}`, first, end: ymd(first.year, 10) }
        : { tenor, code: `WIN-${first.year}`, first, end: ymd(first.year + 1, 4) };
    case 'year':
      return { tenor, code: `CAL-${first.year}`, first, end: ymd(first.year + 1, 1) };
    case 'december':
      return { tenor, code: String(first.year), first, end: ymd(first.year + 1, 1) };
  }
}

/**
 * The period of a tenor that holds a delivery day; for weekends, the weekend holding it
 * or the next one when the day is a weekday.
 */
export function periodHolding(tenor: Tenor, date: LocalDate): ContractPeriod {
  switch (tenor) {
    case 'day':
      return make(tenor, date);
    case 'weekend': {
      const weekday = weekdayOf(date);
      return make(tenor, addDays(date, weekday === 0 ? -1 : 6 - weekday));
    }
    case 'week':
      return make(tenor, addDays(date, -((weekdayOf(date) + 6) % 7)));
    case 'month':
      return make(tenor, ymd(date.year, date.month));
    case 'quarter':
      return make(tenor, ymd(date.year, Math.floor((date.month - 1) / 3) * 3 + 1));
    case 'season':
      if (date.month >= 4 && date.month <= 9) return make(tenor, ymd(date.year, 4));
      return make(tenor, ymd(date.month >= 10 ? date.year : date.year - 1, 10));
    case 'year':
      return make(tenor, ymd(date.year, 1));
    case 'december':
      return make(tenor, ymd(date.year, 12));
  }
}

/** The period of the same tenor that follows one. */
export function nextPeriod(period: ContractPeriod): ContractPeriod {
  // A weekend and a December are followed a week and a year on; every other period by the next day's.
  if (period.tenor === 'weekend') return make('weekend', addDays(period.first, 7));
  if (period.tenor === 'december') return make('december', ymd(period.first.year + 1, 12));
  return make(period.tenor, period.end);
}

/** The periods of a tenor that lie inside another period, in delivery order (a cascade's children). */
export function periodsWithin(parent: ContractPeriod, tenor: Tenor): ContractPeriod[] {
  const children: ContractPeriod[] = [];
  const endKey = formatLocalDate(parent.end);
  for (
    let p = periodHolding(tenor, parent.first);
    formatLocalDate(p.first) < endKey;
    p = nextPeriod(p)
  )
    children.push(p);
  return children;
}

const PATTERNS: [Tenor, RegExp][] = [
  ['weekend', /^WE-(\d{4}-\d{2}-\d{2})$/],
  ['day', /^(\d{4}-\d{2}-\d{2})$/],
  ['week', /^(\d{4})-W(\d{2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['season', /^(SUM|WIN)-(\d{4})$/],
  ['year', /^CAL-(\d{4})$/],
  ['december', /^(\d{4})$/],
];

/** The period a code names, or null when it names none (a 2027-13, a Saturday that starts no weekend). */
export function parsePeriodCode(code: string): ContractPeriod | null {
  for (const [tenor, pattern] of PATTERNS) {
    const m = pattern.exec(code);
    if (!m) continue;
    const [, a = '', b = ''] = m;
    let period: ContractPeriod | null = null;
    switch (tenor) {
      case 'day':
      case 'weekend': {
        const date = parseLocalDate(a);
        if (date) period = make(tenor, date);
        break;
      }
      case 'week': {
        const week = Number(b);
        if (week >= 1 && week <= 53)
          period = make(tenor, addDays(isoWeekOneMonday(Number(a)), (week - 1) * 7));
        break;
      }
      case 'month':
        if (Number(b) >= 1 && Number(b) <= 12) period = make(tenor, ymd(Number(a), Number(b)));
        break;
      case 'quarter':
        period = make(tenor, ymd(Number(a), (Number(b) - 1) * 3 + 1));
        break;
      case 'season':
        period = make(tenor, ymd(Number(b), a === 'SUM' ? 4 : 10));
        break;
      case 'year':
        period = make(tenor, ymd(Number(a), 1));
        break;
      case 'december':
        period = make(tenor, ymd(Number(a), 12));
        break;
    }
    // Only the canonical spelling names a period: a weekend that starts on a Saturday, week 53 of a year that has one.
    return period && period.code === code && (tenor !== 'weekend' || weekdayOf(period.first) === 6)
      ? period
      : null;
  }
  return null;
}
