import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { TRY_AGAIN_LATER } from '../../platform/stream/hub.js';
import { TestSocket } from '../../platform/stream/test-socket.js';
import type { TradeView } from './order-record.js';
import { createTradingStream } from './stream.js';
import { limitOrder, twoTraders } from './test-support.js';

const BOOK = 'PWR-NL-FUT-M-BASE';

/** The client end of an injected WebSocket, as far as these tests use it. */
interface WebSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(data: string): void;
  terminate(): void;
}

/** Collects what the server sends and waits for the first message that matches. */
function inbox(ws: WebSocket) {
  const received: Record<string, unknown>[] = [];
  const waiting: {
    match(m: Record<string, unknown>): boolean;
    resolve(m: Record<string, unknown>): void;
  }[] = [];
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    received.push(message);
    for (const w of [...waiting])
      if (w.match(message)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(message);
      }
  });
  return {
    next(match: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
  };
}

describe('trading stream', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    ({ alice, bob } = await twoTraders(t.app));
  });
  afterAll(async () => t.close());

  it("pushes the subscribed book's depth and the caller's own order after an order is placed", async () => {
    const ws = (await t.app.injectWS('/api/v1/trading/stream', {
      headers: alice,
    })) as unknown as WebSocket;
    const box = inbox(ws);
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'orders' }));
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'book', instruments: [BOOK] }));
    await box.next((m) => m.type === 'subscribed' && m.channel === 'orders');
    expect(await box.next((m) => m.type === 'book')).toMatchObject({
      instrumentId: BOOK,
      bids: [],
      asks: [],
    });

    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: alice,
      payload: { ...limitOrder('buy', 70.25, 3), instrumentId: BOOK },
    });
    expect(placed.statusCode).toBe(201);
    const id = placed.json<{ order: { id: string } }>().order.id;
    expect(await box.next((m) => m.type === 'order')).toMatchObject({
      order: { id, status: 'accepted', remainingQuantity: 3 },
    });
    expect(
      await box.next((m) => m.type === 'book' && (m.bids as unknown[]).length > 0),
    ).toMatchObject({ bids: [{ price: 70.25, quantity: 3, orders: 1 }] });
    ws.terminate();
  });

  it("does not send one trader's orders to another", async () => {
    const ws = (await t.app.injectWS('/api/v1/trading/stream', {
      headers: bob,
    })) as unknown as WebSocket;
    const box = inbox(ws);
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'orders' }));
    await box.next((m) => m.type === 'subscribed');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: alice,
      payload: { ...limitOrder('buy', 70, 1), instrumentId: BOOK },
    });
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: bob,
      payload: { ...limitOrder('buy', 69.5, 1), instrumentId: BOOK },
    });
    // Messages arrive in commit order, so alice's order would have come before bob's.
    const first = await box.next((m) => m.type === 'order');
    expect(first).toMatchObject({
      order: { id: own.json<{ order: { id: string } }>().order.id, account: 'trader2' },
    });
    ws.terminate();
  });

  it('answers a malformed subscription with an error message', async () => {
    const ws = (await t.app.injectWS('/api/v1/trading/stream', {
      headers: alice,
    })) as unknown as WebSocket;
    const box = inbox(ws);
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'book', instruments: ['NOT-A-BOOK'] }));
    expect(await box.next((m) => m.type === 'error')).toMatchObject({
      message: expect.stringContaining('NOT-A-BOOK'),
    });
    ws.terminate();
  });

  it('refuses a connection without credentials', async () => {
    await expect(t.app.injectWS('/api/v1/trading/stream')).rejects.toThrow(/401/);
  });
});

describe('trading stream, per client', () => {
  const depth = (instrumentId: string) => ({
    instrumentId,
    bids: [],
    asks: [],
    lastTradePrice: null,
    halted: false,
  });
  const stream = () =>
    createTradingStream({
      hasBook: (id) => id === BOOK,
      depth,
      maxBufferedBytes: 1024,
      heartbeatMs: 0,
    });
  const connect = (s: ReturnType<typeof stream>, account: string) => {
    const socket = new TestSocket();
    s.hub.attach(socket, { account });
    return socket;
  };

  it('closes a client whose send buffer is over the bound with 1013 and keeps serving the others', () => {
    const s = stream();
    const slow = connect(s, 'trader');
    const fast = connect(s, 'trader2');
    for (const c of [slow, fast])
      c.receive({ type: 'subscribe', channel: 'book', instruments: [BOOK] });
    slow.bufferedAmount = 4096;
    s.book({ ...depth(BOOK), lastTradePrice: 70 });
    expect(slow.closed).toMatchObject({ code: TRY_AGAIN_LATER });
    expect(fast.closed).toBeUndefined();
    expect(fast.of('book').at(-1)).toMatchObject({ type: 'book', lastTradePrice: 70 });
    expect(s.hub.size).toBe(1);
  });

  it("names a trader's own side of a trade, and shows others the trade without it", () => {
    const s = stream();
    const buyer = connect(s, 'trader');
    const watcher = connect(s, 'analyst');
    for (const c of [buyer, watcher])
      c.receive({ type: 'subscribe', channel: 'trades', instruments: [BOOK] });
    const trade: TradeView = {
      id: 't1',
      instrumentId: BOOK,
      price: 70,
      quantity: 1,
      aggressorSide: 'buy',
      time: '2026-06-01T08:00:00.000Z',
    };
    s.trade({
      trade,
      buyer: 'trader',
      seller: 'trader2',
      buyOrderId: 'o-buy',
      sellOrderId: 'o-sell',
    });
    expect(buyer.of('trade')).toEqual([
      { type: 'trade', trade: { ...trade, side: 'buy', orderId: 'o-buy' } },
    ]);
    expect(watcher.of('trade')).toEqual([{ type: 'trade', trade }]);
  });
});
