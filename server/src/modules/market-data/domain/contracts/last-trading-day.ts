import { addDays, addMonths, formatLocalDate, type LocalDate } from '../time-zone.js';
import {
  businessDaysBefore,
  isBusinessDay,
  lastBusinessDayOfMonth,
  mondayOf,
} from './business-days.js';
import type { ContractPeriod } from './periods.js';
import type { ProductSpec } from './product.js';

/** The last day a contract of the product trades, by the product's rule. */
export function lastTradingDay(
  product: Pick<ProductSpec, 'calendar' | 'lastTrading'>,
  period: ContractPeriod,
): LocalDate {
  const { calendar, lastTrading: rule } = product;
  switch (rule.kind) {
    case 'business-days-before-delivery':
      return businessDaysBefore(calendar, period.first, rule.days);
    case 'last-monday-of-month': {
      const { year, month } = period.first;
      const last = mondayOf(year, month, true);
      const quiet = [0, 1, 2, 3, 4].map((d) => addDays(last, d));
      // A Monday that is a holiday, or a holiday in the four days after it, moves expiry a week earlier.
      const holidayNear = quiet.some((d) => {
        const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
        return weekday !== 0 && weekday !== 6 && !isBusinessDay(calendar, d);
      });
      return holidayNear ? addDays(last, -7) : last;
    }
    case 'last-business-day-months-before': {
      const { year, month } = addMonths(period.first, -rule.monthsBefore);
      const last = lastBusinessDayOfMonth(calendar, year, month);
      const eve = (d: LocalDate): boolean =>
        formatLocalDate(businessDaysBefore(calendar, d, 1)) === formatLocalDate(last);
      // The business day before Christmas Day or New Year's Day is too thin a market to expire on.
      const christmas = { year: last.year, month: 12, day: 25 };
      const newYear = { year: last.year + 1, month: 1, day: 1 };
      return eve(christmas) || eve(newYear) ? businessDaysBefore(calendar, last, 1) : last;
    }
  }
}
