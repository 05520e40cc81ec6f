import { describe, expect, it } from 'vitest';
import { createTradingStream, type StreamSocket, type TradingStreamOptions } from './tradingStream';

class FakeSocket implements StreamSocket {
  readyState = 0;
  sent: unknown[] = [];
  onopen: StreamSocket['onopen'] = null;
  onmessage: StreamSocket['onmessage'] = null;
  onclose: StreamSocket['onclose'] = null;
  onerror: StreamSocket['onerror'] = null;
  constructor(readonly protocols: string[]) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function harness(change: Partial<TradingStreamOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const waits: { run: () => void; ms: number }[] = [];
  const seen: string[] = [];
  const stream = createTradingStream({
    url: 'ws://desk/api/v1/trading/stream',
    getToken: () => 'token-1',
    openSocket: (_url, protocols) => {
      const socket = new FakeSocket(protocols);
      sockets.push(socket);
      return socket;
    },
    timers: { set: (run, ms) => waits.push({ run, ms }), clear: () => undefined },
    onOrder: (order) => seen.push(`order ${order.id} ${order.status}`),
    onTrade: (trade) => seen.push(`trade ${trade.id}`),
    onBook: (book) =>
      seen.push(`book ${book.instrumentId} ${book.bids.length}/${book.asks.length}`),
    ...change,
  });
  return { stream, sockets, waits, seen };
}

describe('the trading stream client', () => {
  it('authenticates with the access token and subscribes to own orders and the watched books on open', () => {
    const { stream, sockets } = harness();
    stream.watch(['PWR-DE-LU-FUT-M']);
    stream.start();
    const socket = sockets[0]!;
    expect(socket.protocols).toEqual(['energyopti.v1', 'bearer.token-1']);
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'subscribe', channel: 'orders' },
      { type: 'subscribe', channel: 'book', instruments: ['PWR-DE-LU-FUT-M'] },
      { type: 'subscribe', channel: 'trades', instruments: ['PWR-DE-LU-FUT-M'] },
    ]);
    expect(stream.status()).toBe('live');
  });

  it('moves its book and trade subscriptions when another instrument is chosen', () => {
    const { stream, sockets } = harness();
    stream.watch(['A']);
    stream.start();
    sockets[0]!.open();
    sockets[0]!.sent = [];
    stream.watch(['B']);
    expect(sockets[0]!.sent).toEqual([
      { type: 'unsubscribe', channel: 'book', instruments: ['A'] },
      { type: 'unsubscribe', channel: 'trades', instruments: ['A'] },
      { type: 'subscribe', channel: 'book', instruments: ['B'] },
      { type: 'subscribe', channel: 'trades', instruments: ['B'] },
    ]);
  });

  it('hands order, trade and book messages to their handlers and ignores malformed ones', () => {
    const { stream, sockets, seen } = harness();
    stream.start();
    const socket = sockets[0]!;
    socket.open();
    socket.receive({ type: 'order', order: { id: 'o1', status: 'filled' } });
    socket.receive({ type: 'trade', trade: { id: 't1' } });
    socket.receive({
      type: 'book',
      instrumentId: 'A',
      bids: [{ price: 1, quantity: 1, orders: 1 }],
      asks: [],
    });
    socket.receive({ type: 'book', instrumentId: 'A' });
    socket.onmessage?.({ data: 'not json' });
    expect(seen).toEqual(['order o1 filled', 'trade t1', 'book A 1/0']);
  });

  it('reconnects with doubling waits after drops and resubscribes when back', () => {
    const { stream, sockets, waits } = harness({ initialDelayMs: 100, maxDelayMs: 300 });
    stream.watch(['A']);
    stream.start();
    sockets[0]!.open();
    sockets[0]!.drop(1006);
    expect(stream.status()).toBe('reconnecting');
    waits.shift()!.run();
    sockets[1]!.drop(1006);
    waits.shift()!.run();
    sockets[2]!.drop(1006);
    waits.shift()!.run();
    expect(waits).toEqual([]);
    sockets[3]!.open();
    expect(stream.status()).toBe('live');
    expect(sockets[3]!.sent).toContainEqual({
      type: 'subscribe',
      channel: 'book',
      instruments: ['A'],
    });
  });

  it('backs off 100, 200 then caps at the maximum while the server stays away', () => {
    const { stream, sockets, waits } = harness({ initialDelayMs: 100, maxDelayMs: 300 });
    const delays: number[] = [];
    stream.start();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      sockets[attempt]!.drop(1006);
      const wait = waits.shift()!;
      delays.push(wait.ms);
      wait.run();
    }
    expect(delays).toEqual([100, 200, 300, 300]);
  });

  it('asks for a fresh token when the socket is refused before it opens', () => {
    let asked = 0;
    const { stream, sockets } = harness({ onUnauthorised: () => (asked += 1) });
    stream.start();
    sockets[0]!.drop(4401);
    expect(asked).toBe(1);
  });
});
