import type { BookPosition } from '../portfolio/index.js';

/** What a limit caps, as the service holds it. */
export interface RiskLimit {
  id: string;
  name: string;
  kind: 'var' | 'position' | 'notional' | 'stop_loss';
  scope: 'desk' | 'book';
  book: string | null;
  instrumentId: string | null;
  threshold: number;
  severity: 'hard' | 'soft';
}

/** Utilisation from which a limit shows amber before it is breached. */
export const WARNING_UTILISATION = 0.8;

export type LimitStatus = 'ok' | 'warning' | 'breach';

export const statusOf = (value: number, threshold: number): LimitStatus =>
  value > threshold ? 'breach' : value >= WARNING_UTILISATION * threshold ? 'warning' : 'ok';

/** The books a limit is measured on: its own book, or every desk book for a desk limit. */
export const booksOfLimit = (limit: RiskLimit, deskBooks: readonly string[]): string[] =>
  limit.scope === 'book' ? [limit.book!] : [...deskBooks];

/** Units of the reporting currency per unit of a currency; null without a rate. */
export type ReportingRate = (currency: string) => number | null;

export interface BookMeasure {
  value: number;
  /** Instruments left out of a money measure because their currency has no FX rate yet. */
  unconverted: string[];
}

/**
 * A limit's measure on one book's positions. Position: the largest absolute net quantity
 * (in the named instrument, if any). Notional: absolute quantity times mark, summed.
 * Stop-loss: the book's loss (realised plus unrealised), zero when it is making money.
 * Money is summed in the reporting currency, each instrument's amount at its FX rate, so a
 * desk trading German power in euros and ERCOT in dollars is held to one figure.
 * VaR is measured by the VaR service, not here.
 */
export function bookMeasure(
  limit: RiskLimit,
  positions: readonly BookPosition[],
  rateOf: ReportingRate,
): BookMeasure {
  const inScope = positions.filter(
    (p) => limit.instrumentId === null || p.instrumentId === limit.instrumentId,
  );
  const unconverted: string[] = [];
  const inReporting = (p: BookPosition, amount: number): number => {
    if (amount === 0) return 0;
    const rate = rateOf(p.currency);
    if (rate === null) {
      if (!unconverted.includes(p.instrumentId)) unconverted.push(p.instrumentId);
      return 0;
    }
    return amount * rate;
  };
  switch (limit.kind) {
    case 'position':
      return {
        value: inScope.reduce((worst, p) => Math.max(worst, Math.abs(p.quantity)), 0),
        unconverted,
      };
    case 'notional': {
      const value = inScope.reduce(
        (sum, p) =>
          sum + inReporting(p, Math.abs(p.quantity) * Math.abs(p.mark ?? p.averagePrice ?? 0)),
        0,
      );
      return { value, unconverted };
    }
    case 'stop_loss': {
      const pnl = inScope.reduce(
        (sum, p) => sum + inReporting(p, p.realisedPnl + (p.unrealisedPnl ?? 0)),
        0,
      );
      return { value: Math.max(0, -pnl), unconverted };
    }
    case 'var':
      throw new Error('VaR limits are measured by the VaR service');
  }
}

/** What a limit's threshold is counted in: energy units for position, money for the rest. */
export const isMoneyLimit = (limit: Pick<RiskLimit, 'kind'>): boolean => limit.kind !== 'position';

/** Words for a limit, for alert messages and pre-trade refusals. */
export function describeLimit(limit: RiskLimit, unit = ''): string {
  const where = [
    limit.instrumentId ? `on ${limit.instrumentId}` : null,
    limit.scope === 'book' ? `for book ${limit.book}` : 'per desk book',
  ]
    .filter(Boolean)
    .join(' ');
  const kind = limit.kind === 'stop_loss' ? 'stop-loss' : limit.kind === 'var' ? 'VaR' : limit.kind;
  return `${limit.severity} ${kind} limit "${limit.name}" (${limit.threshold}${unit ? ` ${unit}` : ''} ${where})`;
}
