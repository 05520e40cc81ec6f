import type { ModuleContext } from '../../platform/module.js';
import { createStreamHub } from '../../platform/stream/hub.js';
import { registerStreamRoute } from '../../platform/stream/route.js';
import {
  BOOK_TOPIC,
  ORDER_TOPIC,
  TRADE_TOPIC,
  type BookMessage,
  type Desk,
  type TradeMessage,
} from './desk.js';
import type { OrderView, TradeView } from './order-record.js';

/** Who is watching: the account whose orders and sides are theirs to see. */
export interface TradingViewer {
  account: string;
}

export interface TradingStreamDeps {
  /** Whether a continuous book exists for the instrument. */
  hasBook(instrumentId: string): boolean;
  /** The book's current depth, sent to a new subscriber before the updates. */
  depth(instrumentId: string): BookMessage;
  maxBufferedBytes: number;
  heartbeatMs?: number;
}

/**
 * What trading's stream means: a trader's own orders (a whole channel, each client
 * seeing only its account's), and per book its depth and its trades, where the trader's
 * own side of a trade is named.
 */
export function createTradingStream(deps: TradingStreamDeps) {
  const noBook = (ids: readonly string[]) => {
    const unknown = ids.filter((id) => !deps.hasBook(id));
    return unknown.length > 0 ? `no continuous book for ${unknown.join(', ')}` : undefined;
  };
  const hub = createStreamHub<TradingViewer>({
    channels: {
      orders: { keyed: false },
      book: {
        keyed: true,
        refuse: noBook,
        snapshot: (id) => ({ type: 'book', ...deps.depth(id) }),
      },
      trades: { keyed: true, refuse: noBook },
    },
    maxBufferedBytes: deps.maxBufferedBytes,
    maxKeysPerMessage: 200,
    ...(deps.heartbeatMs !== undefined ? { heartbeatMs: deps.heartbeatMs } : {}),
  });
  return {
    hub,
    order(order: OrderView): void {
      hub.publishEach('orders', undefined, (viewer) =>
        viewer.account === order.account ? { type: 'order', order } : undefined,
      );
    },
    book(book: BookMessage): void {
      hub.publish('book', book.instrumentId, { type: 'book', ...book });
    },
    trade(m: TradeMessage): void {
      hub.publishEach('trades', m.trade.instrumentId, ({ account }) => {
        const side = account === m.buyer ? 'buy' : account === m.seller ? 'sell' : undefined;
        const trade: TradeView =
          side === undefined
            ? m.trade
            : { ...m.trade, side, orderId: side === 'buy' ? m.buyOrderId : m.sellOrderId };
        return { type: 'trade', trade };
      });
    },
  };
}

/**
 * `GET /api/v1/trading/stream`: the caller's order updates and the books and
 * trades they subscribe to. Fed from the bus, so with Redis an event committed
 * on any instance reaches clients of every instance.
 */
export async function registerTradingStream(
  ctx: ModuleContext,
  deps: { desk: Desk; maxBufferedBytes: number },
): Promise<void> {
  const stream = createTradingStream({
    hasBook: (id) => deps.desk.writer(id) !== undefined,
    depth: (id) => deps.desk.depth(id, 10),
    maxBufferedBytes: deps.maxBufferedBytes,
  });
  const offs = await Promise.all([
    ctx.platform.bus.subscribe(ORDER_TOPIC, (message) =>
      stream.order((message as { order: OrderView }).order),
    ),
    ctx.platform.bus.subscribe(BOOK_TOPIC, (message) => stream.book(message as BookMessage)),
    ctx.platform.bus.subscribe(TRADE_TOPIC, (message) => stream.trade(message as TradeMessage)),
  ]);
  ctx.onClose(async () => {
    for (const off of offs) await off();
    stream.hub.close();
  });
  registerStreamRoute(
    ctx.app,
    {
      url: '/api/v1/trading/stream',
      access: 'orders:read',
      tags: ['trading'],
      summary: 'Live orders, books and trades (WebSocket)',
    },
    stream.hub,
    (principal) => ({ account: principal.username }),
  );
}
