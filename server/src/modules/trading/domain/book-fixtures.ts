import { EventRecorder } from './events.js';
import { OrderBook } from './order-book.js';
import type { BookConfig, OrderRequest } from './types.js';

/** Shared by the order book tests: a book for one delivery hour and terse order builders. */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const GATE = Date.UTC(2026, 0, 5, 14, 0, 0);

export function openTestBook(overrides: Partial<BookConfig> = {}): {
  book: OrderBook;
  recorder: EventRecorder;
} {
  const recorder = new EventRecorder();
  const book = new OrderBook(
    { instrumentId: 'DE-PWR-20260105-H15', gateClosureAt: GATE, ...overrides },
    recorder.listener,
  );
  return { book, recorder };
}

type Extra = Partial<Omit<OrderRequest, 'orderId' | 'side' | 'quantity'>>;

export const limit = (
  orderId: string,
  side: OrderRequest['side'],
  quantity: number,
  price: number,
  extra: Extra = {},
): OrderRequest => ({
  orderId,
  account: `acct-${orderId}`,
  side,
  type: 'limit',
  quantity,
  price,
  at: T0,
  ...extra,
});

export const market = (
  orderId: string,
  side: OrderRequest['side'],
  quantity: number,
  extra: Extra = {},
): OrderRequest => ({
  orderId,
  account: `acct-${orderId}`,
  side,
  type: 'market',
  quantity,
  at: T0,
  ...extra,
});

/** Trades as `maker->taker qty@price`, the way a trader reads a fill blotter. */
export const blotter = (recorder: EventRecorder): string[] =>
  recorder
    .ofType('trade')
    .map((t) => `${t.makerOrderId}->${t.takerOrderId} ${t.quantity}@${t.price}`);

/** Order ids resting at each price level of a side, best first. */
export const queues = (book: OrderBook, side: 'bids' | 'asks'): string[][] =>
  book[side].levelsFromBest().map((level) => {
    const ids: string[] = [];
    for (let o = level.head; o !== null; o = o.next) ids.push(o.orderId);
    return ids;
  });
