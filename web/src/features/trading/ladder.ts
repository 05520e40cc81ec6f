import type { BookLevel, OrderBook } from './types';

export interface LadderRow {
  price: number;
  quantity: number;
  orders: number;
  /** Quantity at this price and all better ones on the same side. */
  cumulative: number;
  /** This level's quantity against the largest level on either side, 0..1, for the bar. */
  share: number;
  best: boolean;
}

export interface Ladder {
  /** Best (lowest) ask last, so the asks sit above the spread as on an exchange screen. */
  asks: LadderRow[];
  /** Best (highest) bid first, just below the spread. */
  bids: LadderRow[];
  spread: number | null;
  mid: number | null;
}

/** Sums levels that share a price, drops empty ones and sorts best first. */
export function aggregateLevels(levels: readonly BookLevel[], side: 'bid' | 'ask'): BookLevel[] {
  const byPrice = new Map<number, BookLevel>();
  for (const level of levels) {
    if (!(level.quantity > 0)) continue;
    const seen = byPrice.get(level.price);
    byPrice.set(
      level.price,
      seen
        ? {
            price: level.price,
            quantity: seen.quantity + level.quantity,
            orders: seen.orders + level.orders,
          }
        : { ...level },
    );
  }
  const direction = side === 'bid' ? -1 : 1;
  return [...byPrice.values()].sort((a, b) => direction * (a.price - b.price));
}

function rowsOf(levels: BookLevel[], largest: number): LadderRow[] {
  let running = 0;
  return levels.map((level, index) => {
    running += level.quantity;
    return {
      ...level,
      cumulative: running,
      share: largest > 0 ? level.quantity / largest : 0,
      best: index === 0,
    };
  });
}

/** The depth ladder for a book: the best `depth` levels each side with bar widths. */
export function buildLadder(book: Pick<OrderBook, 'bids' | 'asks'>, depth: number): Ladder {
  const bids = aggregateLevels(book.bids, 'bid').slice(0, depth);
  const asks = aggregateLevels(book.asks, 'ask').slice(0, depth);
  const largest = Math.max(0, ...bids.map((l) => l.quantity), ...asks.map((l) => l.quantity));
  const bestBid = bids[0]?.price;
  const bestAsk = asks[0]?.price;
  const both = bestBid !== undefined && bestAsk !== undefined;
  return {
    asks: rowsOf(asks, largest).reverse(),
    bids: rowsOf(bids, largest),
    spread: both ? bestAsk - bestBid : null,
    mid: both ? (bestAsk + bestBid) / 2 : null,
  };
}
