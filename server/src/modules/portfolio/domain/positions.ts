/**
 * Positions from fills by the average-cost method: buying into a long (or
 * selling into a short) moves the average price; trading against the position
 * realises P&L at the difference to the average; crossing through flat opens
 * the remainder at the fill price. Unrealised P&L marks the rest to a price.
 */
export interface Fill {
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
}

export interface Position {
  instrumentId: string;
  netQuantity: number;
  averagePrice: number | null;
  realisedPnl: number;
  unrealisedPnl: number | null;
  markPrice: number | null;
}

interface Running {
  net: number;
  average: number;
  realised: number;
}

/** Rounds away float dust from sums of decimal prices and quantities. */
const tidy = (x: number): number => Math.round(x * 1e8) / 1e8;

export function positionsFrom(fills: readonly Fill[], marks: ReadonlyMap<string, number>): Position[] {
  const book = new Map<string, Running>();
  for (const fill of fills) {
    const p = book.get(fill.instrumentId) ?? { net: 0, average: 0, realised: 0 };
    const signed = fill.side === 'buy' ? fill.quantity : -fill.quantity;
    if (p.net === 0 || Math.sign(p.net) === Math.sign(signed)) {
      p.average = (p.average * Math.abs(p.net) + fill.price * fill.quantity) / (Math.abs(p.net) + fill.quantity);
      p.net = tidy(p.net + signed);
    } else {
      const closed = Math.min(Math.abs(p.net), fill.quantity);
      p.realised += closed * (fill.price - p.average) * Math.sign(p.net);
      const net = tidy(p.net + signed);
      if (net === 0) p.average = 0;
      else if (Math.sign(net) !== Math.sign(p.net)) p.average = fill.price;
      p.net = net;
    }
    book.set(fill.instrumentId, p);
  }
  return [...book.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instrumentId, p]) => {
      const mark = marks.get(instrumentId) ?? null;
      return {
        instrumentId,
        netQuantity: p.net,
        averagePrice: p.net === 0 ? null : tidy(p.average),
        realisedPnl: tidy(p.realised),
        unrealisedPnl: mark === null || p.net === 0 ? (p.net === 0 ? 0 : null) : tidy((mark - p.average) * p.net),
        markPrice: mark,
      };
    });
}
