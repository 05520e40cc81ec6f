import type { PeriodPosition } from './period-positions.js';
import { tidy } from './positions.js';

/**
 * A book's position in one instrument across its delivery periods, as risk measures it:
 * VaR, stress and limits move with the instrument's price, whichever month was bought.
 * Quantity is in the instrument's unit, so a price move times it is P&L in its currency.
 */
export interface BookPosition {
  book: string;
  instrumentId: string;
  quantity: number;
  averagePrice: number | null;
  /** The instrument's last trade, else its positions' own marks (a curve); null when unmarked. */
  mark: number | null;
  realisedPnl: number;
  unrealisedPnl: number | null;
  currency: string;
}

/** Sums period positions per book and instrument, exchange fills and OTC deals alike. */
export function bookPositionsOf(
  lines: readonly PeriodPosition[],
  lastTrade: ReadonlyMap<string, number>,
): BookPosition[] {
  const groups = new Map<string, PeriodPosition[]>();
  for (const l of lines) {
    const key = `${l.book}\n${l.instrumentId}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()]
    .map((group) => {
      const first = group[0]!;
      const open = group.filter((l) => l.netQuantity !== 0);
      const quantity = tidy(open.reduce((s, l) => s + l.netQuantity, 0));
      const marked = open.filter((l) => l.markPrice !== null);
      const weight = marked.reduce((s, l) => s + Math.abs(l.netQuantity), 0);
      const ownMark =
        marked.length > 0 && weight > 0
          ? tidy(marked.reduce((s, l) => s + Math.abs(l.netQuantity) * l.markPrice!, 0) / weight)
          : null;
      const unmarked = open.some((l) => l.unrealisedPnl === null);
      return {
        book: first.book,
        instrumentId: first.instrumentId,
        quantity,
        averagePrice:
          quantity === 0
            ? null
            : tidy(open.reduce((s, l) => s + l.netQuantity * (l.averagePrice ?? 0), 0) / quantity),
        mark: lastTrade.get(first.instrumentId) ?? ownMark,
        realisedPnl: tidy(group.reduce((s, l) => s + l.realisedPnl, 0)),
        unrealisedPnl: unmarked ? null : tidy(open.reduce((s, l) => s + (l.unrealisedPnl ?? 0), 0)),
        currency: first.currency,
      };
    })
    .sort((a, b) => a.book.localeCompare(b.book) || a.instrumentId.localeCompare(b.instrumentId));
}
