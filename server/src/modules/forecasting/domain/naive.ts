import { HOURS, type MarketDays } from './market-days.js';

/** Same hour, one week earlier: the benchmark rMAE is measured against. */
export function weeklyNaive(history: MarketDays, targetDay: number): Float64Array {
  return history.price.slice((targetDay - 7) * HOURS, (targetDay - 6) * HOURS);
}

/**
 * Same hour yesterday, except on Mondays, Saturdays and Sundays, which repeat the
 * same weekday of last week (the naive of Weron's textbook), since weekends and the
 * Monday after them do not look like the day before.
 */
export function dailyNaive(history: MarketDays, targetDay: number): Float64Array {
  const weekday = history.weekday[targetDay]!;
  const lag = weekday === 0 || weekday === 5 || weekday === 6 ? 7 : 1;
  return history.price.slice((targetDay - lag) * HOURS, (targetDay - lag + 1) * HOURS);
}
