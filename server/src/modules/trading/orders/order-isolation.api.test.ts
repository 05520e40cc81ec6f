import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/harness.js';
import { limitOrder, twoTraders } from '../test-support.js';

/**
 * The edge refuses text PostgreSQL cannot store, but order entry must not rely on
 * that: a command the database refuses fails alone, and the orders that shared its
 * commit, of other traders and books or of its own book, are still recorded.
 */
describe('an order the database cannot store', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  const logLines: string[] = [];

  beforeAll(async () => {
    // The gateway's check is off so that the text reaches the order log, as it could through any other door.
    t = await startTestApp({
      storableTextCheck: false,
      logger: { write: (line) => void logLines.push(line) },
    });
    ({ alice, bob } = await twoTraders(t.app));
  });
  afterAll(async () => t.close());

  const place = (
    headers: Record<string, string>,
    instrumentId: string,
    order: Record<string, unknown>,
    requestId?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { ...headers, ...(requestId ? { 'x-request-id': requestId } : {}) },
      payload: { ...order, instrumentId },
    });

  it('fails alone while concurrent orders of another trader on another book all succeed', async () => {
    const victimBook = 'PWR-FR-FUT-M-BASE';
    const attackerBook = 'PWR-NL-FUT-M-BASE';
    const valid = Array.from({ length: 20 }, (_, i) =>
      place(alice, victimBook, limitOrder(i % 2 ? 'sell' : 'buy', i % 2 ? 90 : 80, 1)),
    );
    const poisoned = [
      place(
        bob,
        attackerBook,
        limitOrder('buy', 50, 1, { clientOrderId: 'nul-\u0000' }),
        'poison-nul-0001',
      ),
      place(
        bob,
        attackerBook,
        limitOrder('buy', 50, 1, { clientOrderId: 'lone-\ud800' }),
        'poison-surrogate-0002',
      ),
    ];
    const [good, bad] = [await Promise.all(valid), await Promise.all(poisoned)];
    expect(good.map((r) => r.statusCode)).toEqual(good.map(() => 201));
    for (const r of bad) {
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'order_not_storable' });
    }
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?instrumentId=${victimBook}&limit=100`,
      headers: alice,
    });
    expect(listed.json()).toMatchObject({ total: 20 });
    expect(logLines.some((l) => l.includes('poison-nul-0001'))).toBe(true);
  });

  it('fails alone among valid orders on its own book, which are still recorded and matched', async () => {
    const book = 'PWR-DE-LU-FUT-Q-BASE';
    const sells = await Promise.all(
      Array.from({ length: 5 }, () => place(alice, book, limitOrder('sell', 85, 1))),
    );
    expect(sells.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const mixed = await Promise.all([
      place(bob, book, limitOrder('buy', 85, 1)),
      place(bob, book, limitOrder('buy', 85, 1, { clientOrderId: 'same-book-\u0000' })),
      place(bob, book, limitOrder('buy', 85, 1)),
      place(bob, book, limitOrder('buy', 85, 1)),
    ]);
    expect(mixed.map((r) => r.statusCode)).toEqual([201, 422, 201, 201]);
    for (const r of [mixed[0], mixed[2], mixed[3]])
      expect(r.json()).toMatchObject({ order: { status: 'filled' } });
    const depth = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orderbook/${book}`,
      headers: alice,
    });
    expect(depth.json()).toMatchObject({ bids: [], asks: [{ price: 85, quantity: 2, orders: 2 }] });
    const trades = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trades?instrumentId=${book}`,
      headers: bob,
    });
    expect(trades.json<{ items: unknown[] }>().items).toHaveLength(3);
  });
});
