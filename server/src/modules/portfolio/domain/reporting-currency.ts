import { tidy } from './positions.js';

/**
 * Totals in the desk's reporting currency. Every line keeps its own currency; a total
 * converts each line at the rate in force when it was marked and adds only what it could
 * convert, so a position without an FX rate is left out and named rather than added at
 * the wrong scale.
 */

/** Units of the reporting currency per unit of `currency`, or null when there is no rate. */
export type RateOf = (currency: string) => number | null;

export interface PnlInCurrency {
  currency: string;
  realisedPnl: number;
  /** Null for a position with nothing to mark it to. */
  unrealisedPnl: number | null;
}

export interface ReportingPnl {
  currency: string;
  realisedPnl: number;
  unrealisedPnl: number;
  /** Lines added in. */
  converted: number;
  /** Indexes of the lines left out for want of an FX rate. */
  unconverted: number[];
}

export function pnlInReportingCurrency(
  lines: readonly PnlInCurrency[],
  currency: string,
  rateOf: RateOf,
): ReportingPnl {
  let realised = 0;
  let unrealised = 0;
  let converted = 0;
  const unconverted: number[] = [];
  lines.forEach((line, i) => {
    const rate = line.currency === currency ? 1 : rateOf(line.currency);
    if (rate === null) {
      unconverted.push(i);
      return;
    }
    realised += line.realisedPnl * rate;
    unrealised += (line.unrealisedPnl ?? 0) * rate;
    converted += 1;
  });
  return {
    currency,
    realisedPnl: tidy(realised),
    unrealisedPnl: tidy(unrealised),
    converted,
    unconverted,
  };
}

/** A day's explained P&L of one line, in its own currency; null parts could not be explained. */
export interface ExplainedInCurrency {
  currency: string;
  priceMove: number | null;
  newTrades: number | null;
  total: number | null;
}

export interface ReportingExplain {
  priceMove: number;
  newTrades: number;
  total: number;
  /** Indexes of explained lines left out for want of an FX rate. */
  unconverted: number[];
}

/**
 * A day's explained P&L summed in the reporting currency at that day's closing rates. Lines
 * that could not be explained (no mark) are already named by the caller and add nothing here.
 */
export function explainInReportingCurrency(
  lines: readonly ExplainedInCurrency[],
  currency: string,
  rateOf: RateOf,
): ReportingExplain {
  let priceMove = 0;
  let newTrades = 0;
  let total = 0;
  const unconverted: number[] = [];
  lines.forEach((line, i) => {
    if (line.total === null) return;
    const rate = line.currency === currency ? 1 : rateOf(line.currency);
    if (rate === null) {
      unconverted.push(i);
      return;
    }
    priceMove += (line.priceMove ?? 0) * rate;
    newTrades += (line.newTrades ?? 0) * rate;
    total += line.total * rate;
  });
  return {
    priceMove: tidy(priceMove),
    newTrades: tidy(newTrades),
    total: tidy(total),
    unconverted,
  };
}
