import type { BookSide } from './book-side.js';
import type { OrderStatus } from './lifecycle.js';
import type { OrderBook } from './order-book.js';
import type { OrderNode } from './order-node.js';
import type { Side } from './types.js';

export interface RestingOrderView {
  orderId: string;
  account: string;
  side: Side;
  price: number;
  remaining: number;
  displayed: number;
  filled: number;
  status: OrderStatus;
  seq: number;
}

/**
 * The full state of a book as plain data, queue order included: what a
 * restart must reproduce and what the replay tests compare.
 */
export interface BookSnapshot {
  instrumentId: string;
  bids: { price: number; orders: RestingOrderView[] }[];
  asks: { price: number; orders: RestingOrderView[] }[];
  stops: (RestingOrderView & { stopPrice: number })[];
  lastTradePrice: number | null;
  halted: boolean;
  killSwitch: boolean;
  referencePrice: number | null;
  sequence: number;
  tradeCount: number;
}

const view = (o: Readonly<OrderNode>): RestingOrderView => ({
  orderId: o.orderId,
  account: o.account,
  side: o.side,
  price: o.price,
  remaining: o.remaining,
  displayed: o.displayed,
  filled: o.filled,
  status: o.status,
  seq: o.seq,
});

function levelsOf(side: BookSide): BookSnapshot['bids'] {
  const out: BookSnapshot['bids'] = [];
  for (const level of side.levelsFromBest()) {
    const orders: RestingOrderView[] = [];
    for (let o = level.head; o !== null; o = o.next) orders.push(view(o));
    out.push({ price: level.price, orders });
  }
  return out;
}

export function snapshotBook(book: OrderBook): BookSnapshot {
  return {
    instrumentId: book.config.instrumentId,
    bids: levelsOf(book.bids),
    asks: levelsOf(book.asks),
    stops: book.waitingStops().map((o) => ({ ...view(o), stopPrice: o.stopPrice })),
    lastTradePrice: book.lastTradePrice,
    halted: book.ctx.halted,
    killSwitch: book.ctx.killSwitch,
    referencePrice: book.ctx.referencePrice,
    sequence: book.sequence,
    tradeCount: book.tradeCount,
  };
}
