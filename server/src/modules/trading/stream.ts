import type { ModuleContext } from '../../platform/module.js';
import { BOOK_TOPIC, ORDER_TOPIC, TRADE_TOPIC, type BookMessage, type Desk, type TradeMessage } from './desk.js';
import type { OrderView } from './order-record.js';
import { StreamHub, type StreamSocket } from './stream-hub.js';

/**
 * `GET /api/v1/trading/stream`: the caller's order updates and the books and
 * trades they subscribe to. Fed from the bus, so with Redis an event committed
 * on any instance reaches clients of every instance.
 */
export async function registerTradingStream(ctx: ModuleContext, deps: { desk: Desk; maxBufferedBytes: number }): Promise<void> {
  const hub = new StreamHub({
    hasBook: (id) => deps.desk.writer(id) !== undefined,
    depth: (id) => deps.desk.depth(id, 10),
    maxBufferedBytes: deps.maxBufferedBytes,
  });
  const offs = await Promise.all([
    ctx.platform.bus.subscribe(ORDER_TOPIC, (message) => hub.order((message as { order: OrderView }).order)),
    ctx.platform.bus.subscribe(BOOK_TOPIC, (message) => hub.book(message as BookMessage)),
    ctx.platform.bus.subscribe(TRADE_TOPIC, (message) => hub.trade(message as TradeMessage)),
  ]);
  ctx.onClose(async () => {
    for (const off of offs) await off();
    hub.closeAll(1001, 'server shutting down');
  });

  ctx.app.get(
    '/api/v1/trading/stream',
    { websocket: true, config: { access: 'orders:read' }, schema: { tags: ['trading'], summary: 'Live orders, books and trades (WebSocket)' } },
    (socket: StreamSocket, request) => hub.attach(socket, request.principal!.username),
  );
}
