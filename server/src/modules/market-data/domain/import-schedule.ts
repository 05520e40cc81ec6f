import { deliveryDateOf } from './delivery-period.js';
import { addDays, type LocalDate } from './time-zone.js';

/**
 * When the imports from the public sources run. A clean run waits the configured
 * interval; a failed one is retried soon, then ever later while it keeps failing, up
 * to several hours (or the interval, if longer), so that a short outage is bridged
 * quickly and a revoked key does not hammer the source.
 */
export const FIRST_RETRY_MS = 60_000;
export const LONGEST_BACKOFF_MS = 6 * 3_600_000;

export function nextImportAt(
  finishedAt: number,
  intervalMs: number,
  consecutiveFailures: number,
): number {
  if (consecutiveFailures <= 0) return finishedAt + intervalMs;
  const cap = Math.max(intervalMs, LONGEST_BACKOFF_MS);
  // The exponent is bounded so that a long outage cannot overflow the delay.
  const backoff = FIRST_RETRY_MS * 2 ** Math.min(consecutiveFailures - 1, 30);
  return finishedAt + Math.min(backoff, cap);
}

/**
 * Delivery days a run asks for, in the market's own calendar: `lookbackDays` before
 * today (so that a gap after downtime fills itself) through `aheadDays` after it
 * (tomorrow's day-ahead prices once the auction has cleared).
 */
export function importDays(
  timeZone: string,
  now: number,
  lookbackDays: number,
  aheadDays: number,
): LocalDate[] {
  const today = deliveryDateOf(timeZone, now);
  const days: LocalDate[] = [];
  for (let offset = -lookbackDays; offset <= aheadDays; offset++) days.push(addDays(today, offset));
  return days;
}
