import type { Position } from './types';

/** What a P&L bar needs of a position; a delivery period, when given, is part of its name. */
export type PnlSource = Pick<Position, 'instrumentId' | 'realisedPnl' | 'unrealisedPnl'> & {
  period?: string;
  book?: string;
};

export interface PnlBar {
  /** Instrument, and delivery period when the position has one. */
  label: string;
  realised: number;
  /** Zero when there is no mark yet to value the open quantity. */
  unrealised: number;
  total: number;
}

export interface PnlSummary {
  bars: PnlBar[];
  realised: number;
  unrealised: number;
  total: number;
  /** The largest absolute total, which the chart scales its bars against. */
  extent: number;
}

const labelOf = (p: PnlSource): string =>
  p.period ? `${p.instrumentId} ${p.period}` : p.instrumentId;

/**
 * Profit and loss per instrument and delivery period (books holding the same one add
 * up), largest gain first, and the totals.
 */
export function summarisePnl(positions: readonly PnlSource[]): PnlSummary {
  const byLabel = new Map<string, PnlBar>();
  for (const p of positions) {
    const label = labelOf(p);
    const bar = byLabel.get(label) ?? { label, realised: 0, unrealised: 0, total: 0 };
    const unrealised = p.unrealisedPnl ?? 0;
    bar.realised += p.realisedPnl;
    bar.unrealised += unrealised;
    bar.total += p.realisedPnl + unrealised;
    byLabel.set(label, bar);
  }
  const bars = [...byLabel.values()].sort(
    (a, b) => b.total - a.total || a.label.localeCompare(b.label),
  );
  const sum = (pick: (bar: PnlBar) => number) => bars.reduce((acc, bar) => acc + pick(bar), 0);
  return {
    bars,
    realised: sum((b) => b.realised),
    unrealised: sum((b) => b.unrealised),
    total: sum((b) => b.total),
    extent: Math.max(0, ...bars.map((b) => Math.abs(b.total))),
  };
}

/** Long, short or flat, in a trader's words. */
export function direction(netQuantity: number): 'long' | 'short' | 'flat' {
  if (netQuantity > 0) return 'long';
  return netQuantity < 0 ? 'short' : 'flat';
}
