/**
 * The delivery period a rolling term contract stands for at an instant, labelled as a desk
 * labels it: the front month '2026-07', front quarter '2026-Q3' or calendar year '2027' (the
 * next period that has not started delivering), and December allowances as '<year>-12' of the
 * current year. VaR is allocated to delivery periods by this label, so two instruments
 * delivering in the same month land in the same group.
 */

export interface TermContractTerms {
  readonly commodity: string;
  readonly deliveryPeriod: string;
  /** IANA zone the delivery periods are defined in. */
  readonly timeZone: string;
  /** Local hour at which a delivery day starts (6 for continental gas). */
  readonly dayStartHour: number;
}

/** Label of products delivered within a day (hours, gas days, blocks). */
export const SPOT_PERIOD = 'spot';

const HOUR_MS = 3_600_000;
const TERM_PERIODS = new Set(['month', 'quarter', 'year']);

/** Hours, quarter-hours, gas days and blocks: delivered within a day, unlike term contracts. */
export const isSpotPeriodType = (deliveryPeriod: string): boolean =>
  !TERM_PERIODS.has(deliveryPeriod);

/** Local calendar year and month (1-12) of the delivery day that contains an instant. */
function localMonth(
  timeZone: string,
  instant: number,
  dayStartHour: number,
): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(
    // Before the day's start hour the delivery day is still the previous one.
    new Date(instant - dayStartHour * HOUR_MS),
  );
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month') };
}

const two = (n: number) => String(n).padStart(2, '0');

export function frontPeriodLabel(contract: TermContractTerms, instant: number): string {
  const { year, month } = localMonth(contract.timeZone, instant, contract.dayStartHour);
  if (contract.commodity === 'emissions') return `${year}-12`;
  switch (contract.deliveryPeriod) {
    case 'month':
      return month === 12 ? `${year + 1}-01` : `${year}-${two(month + 1)}`;
    case 'quarter': {
      const next = Math.floor((month - 1) / 3) + 2;
      return next === 5 ? `${year + 1}-Q1` : `${year}-Q${next}`;
    }
    case 'year':
      return String(year + 1);
    default:
      return SPOT_PERIOD;
  }
}
