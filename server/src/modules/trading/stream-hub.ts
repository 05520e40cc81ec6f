import { z } from 'zod';
import type { BookMessage, TradeMessage } from './desk.js';
import type { OrderView, TradeView } from './order-record.js';

export const TRY_AGAIN_LATER = 1013;

/** The slice of a `ws` socket the stream uses. */
export interface StreamSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
  on(event: 'close', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
}

const clientMessage = z.discriminatedUnion('channel', [
  z.object({ type: z.enum(['subscribe', 'unsubscribe']), channel: z.literal('orders') }),
  z.object({ type: z.enum(['subscribe', 'unsubscribe']), channel: z.enum(['book', 'trades']), instruments: z.array(z.string().max(64)).min(1).max(200) }),
]);

interface StreamClient {
  socket: StreamSocket;
  account: string;
  orders: boolean;
  book: Set<string>;
  trades: Set<string>;
}

export interface StreamHubDeps {
  /** Whether a continuous book exists for the instrument. */
  hasBook(instrumentId: string): boolean;
  /** The book's current depth, sent to a new subscriber before the updates. */
  depth(instrumentId: string): BookMessage;
  maxBufferedBytes: number;
}

/**
 * The stream's subscribers and what each asked for. A client that cannot keep
 * up (send buffer over the bound) is dropped with 1013 rather than buffered
 * without end.
 */
export class StreamHub {
  private readonly clients = new Set<StreamClient>();

  constructor(private readonly deps: StreamHubDeps) {}

  get size(): number {
    return this.clients.size;
  }

  attach(socket: StreamSocket, account: string): void {
    const client: StreamClient = { socket, account, orders: false, book: new Set(), trades: new Set() };
    this.clients.add(client);
    socket.on('close', () => this.clients.delete(client));
    socket.on('message', (data, isBinary) => this.onMessage(client, data, isBinary));
  }

  order(order: OrderView): void {
    for (const c of this.clients) if (c.orders && c.account === order.account) this.deliver(c, { type: 'order', order });
  }

  book(book: BookMessage): void {
    for (const c of this.clients) if (c.book.has(book.instrumentId)) this.deliver(c, { type: 'book', ...book });
  }

  trade(m: TradeMessage): void {
    for (const c of this.clients) {
      if (!c.trades.has(m.trade.instrumentId)) continue;
      const side = c.account === m.buyer ? 'buy' : c.account === m.seller ? 'sell' : undefined;
      const trade: TradeView = side === undefined ? m.trade : { ...m.trade, side, orderId: side === 'buy' ? m.buyOrderId : m.sellOrderId };
      this.deliver(c, { type: 'trade', trade });
    }
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.clients) c.socket.close(code, reason);
    this.clients.clear();
  }

  private deliver(client: StreamClient, message: unknown): void {
    if (client.socket.bufferedAmount > this.deps.maxBufferedBytes) {
      this.clients.delete(client);
      client.socket.close(TRY_AGAIN_LATER, 'client too slow: send buffer over limit');
      return;
    }
    client.socket.send(JSON.stringify(message));
  }

  private onMessage(client: StreamClient, data: Buffer, isBinary: boolean): void {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      parsed = undefined;
    }
    const message = clientMessage.safeParse(parsed);
    if (!message.success) {
      this.deliver(client, { type: 'error', message: 'expected {"type":"subscribe"|"unsubscribe","channel":"orders"|"book"|"trades","instruments":[...]}' });
      return;
    }
    const m = message.data;
    const on = m.type === 'subscribe';
    if (m.channel === 'orders') {
      client.orders = on;
      this.deliver(client, { type: on ? 'subscribed' : 'unsubscribed', channel: 'orders' });
      return;
    }
    const unknown = m.instruments.filter((id) => !this.deps.hasBook(id));
    if (unknown.length > 0) {
      this.deliver(client, { type: 'error', message: `no continuous book for ${unknown.join(', ')}` });
      return;
    }
    const set = m.channel === 'book' ? client.book : client.trades;
    for (const id of m.instruments) {
      if (!on) set.delete(id);
      else if (!set.has(id)) {
        set.add(id);
        // A new book subscriber starts from the current depth, then follows the updates.
        if (m.channel === 'book') this.deliver(client, { type: 'book', ...this.deps.depth(id) });
      }
    }
    if (m.channel === 'trades') this.deliver(client, { type: on ? 'subscribed' : 'unsubscribed', channel: 'trades', instruments: m.instruments });
  }
}
