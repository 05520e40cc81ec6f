import type { Position } from './types';

export interface PnlBar {
  instrumentId: string;
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

/** Profit and loss per instrument, largest gain first, and the desk's totals. */
export function summarisePnl(positions: readonly Position[]): PnlSummary {
  const bars = positions
    .map((p) => {
      const unrealised = p.unrealisedPnl ?? 0;
      return {
        instrumentId: p.instrumentId,
        realised: p.realisedPnl,
        unrealised,
        total: p.realisedPnl + unrealised,
      };
    })
    .sort((a, b) => b.total - a.total || a.instrumentId.localeCompare(b.instrumentId));
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
