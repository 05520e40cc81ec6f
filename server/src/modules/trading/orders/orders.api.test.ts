import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/harness.js';
import { FUTURE, limitOrder, twoTraders } from '../test-support.js';

interface OrderBody {
  order: {
    id: string;
    status: string;
    filledQuantity: number;
    remainingQuantity: number;
    averagePrice: number | null;
    rejectReason: string | null;
    account: string;
    price: number | null;
    quantity: number;
  };
  trades: { id: string; price: number; quantity: number; side?: string; orderId?: string }[];
}

describe('order entry', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let admin: Record<string, string>;

  // One app for the file; each test trades its own instrument so the books stay apart.
  beforeAll(async () => {
    t = await startTestApp();
    ({ alice, bob, admin } = await twoTraders(t.app));
  });
  afterAll(async () => t.close());

  let instrument = FUTURE as string;
  const books = [
    'PWR-FR-FUT-M-BASE',
    'PWR-NL-FUT-M-BASE',
    'PWR-DE-LU-FUT-Q-BASE',
    'PWR-FR-FUT-Q-BASE',
    'PWR-NL-FUT-Q-BASE',
    'PWR-DE-LU-FUT-Y-BASE',
    'PWR-FR-FUT-Y-BASE',
    'PWR-NL-FUT-Y-BASE',
  ];
  const useBook = (id: string) => {
    instrument = id;
  };
  const place = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers,
      payload: { ...payload, instrumentId: instrument },
    });

  it('rests a limit order, fills it against another account and shows both sides', async () => {
    useBook(FUTURE);
    const resting = await place(alice, limitOrder('sell', 85.5, 10));
    expect(resting.statusCode).toBe(201);
    expect(resting.json<OrderBody>().order).toMatchObject({
      status: 'accepted',
      remainingQuantity: 10,
      account: 'trader',
    });

    const taker = await place(bob, limitOrder('buy', 86, 4));
    expect(taker.statusCode).toBe(201);
    const body = taker.json<OrderBody>();
    expect(body.order).toMatchObject({ status: 'filled', filledQuantity: 4, averagePrice: 85.5 });
    expect(body.trades).toEqual([
      expect.objectContaining({ price: 85.5, quantity: 4, side: 'buy', orderId: body.order.id }),
    ]);

    const book = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orderbook/${instrument}`,
      headers: alice,
    });
    expect(book.json()).toMatchObject({
      bids: [],
      asks: [{ price: 85.5, quantity: 6, orders: 1 }],
      lastTradePrice: 85.5,
    });

    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trades?mine=true&instrumentId=${instrument}`,
      headers: alice,
    });
    expect(mine.json<{ items: { side: string; orderId: string }[] }>().items).toEqual([
      expect.objectContaining({ side: 'sell', orderId: resting.json<OrderBody>().order.id }),
    ]);

    const positions = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portfolio/positions',
      headers: bob,
    });
    expect(
      positions
        .json<{ items: { instrumentId: string }[] }>()
        .items.filter((p) => p.instrumentId === instrument),
    ).toEqual([
      expect.objectContaining({
        instrumentId: FUTURE,
        netQuantity: 4,
        averagePrice: 85.5,
        realisedPnl: 0,
        unrealisedPnl: 0,
        markPrice: 85.5,
      }),
    ]);
  });

  it('answers a retried client order id with the original order and creates nothing new', async () => {
    useBook(books[0]!);
    await place(alice, limitOrder('sell', 85, 3));
    const order = limitOrder('buy', 85, 2);
    const first = await place(bob, order);
    const again = await place(bob, order);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json<OrderBody>().order.id).toBe(first.json<OrderBody>().order.id);
    expect(again.json<OrderBody>().trades.map((x) => x.id)).toEqual(
      first.json<OrderBody>().trades.map((x) => x.id),
    );
    const trades = await t.app.inject({
      method: 'GET',
      url: `/api/v1/trades?instrumentId=${instrument}`,
      headers: bob,
    });
    expect(trades.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('answers a reused client order id with different terms with 409 naming the original order', async () => {
    useBook(books[0]!);
    const order = limitOrder('buy', 70, 2);
    const first = await place(bob, order);
    expect(first.statusCode).toBe(201);
    const same = await place(bob, { ...order, price: 70.0 });
    expect(same.statusCode).toBe(200);
    const other = await place(bob, { ...order, quantity: 3 });
    expect(other.statusCode).toBe(409);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json()).toMatchObject({
      code: 'client_order_id_reused',
      orderId: first.json<OrderBody>().order.id,
    });
    // The same id under another account is another order.
    expect((await place(alice, { ...order, quantity: 3 })).statusCode).toBe(201);
  });

  it('places concurrent duplicates of one client order id once', async () => {
    useBook(books[0]!);
    const order = limitOrder('sell', 99, 1);
    const answers = await Promise.all([place(bob, order), place(bob, order), place(bob, order)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((r) => r.json<OrderBody>().order.id)).size).toBe(1);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?instrumentId=${instrument}&limit=100`,
      headers: bob,
    });
    expect(
      listed
        .json<{ items: { clientOrderId: string }[] }>()
        .items.filter((o) => o.clientOrderId === order.clientOrderId),
    ).toHaveLength(1);
  });

  it('refuses a price off the tick grid with a 400 naming the field and rule', async () => {
    useBook(books[1]!);
    const res = await place(alice, limitOrder('buy', 85.001, 1));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'price', rule: 'tick_size' }] });
  });

  it('stores a post-only order that would cross as rejected and answers 422 with its reason', async () => {
    useBook(books[2]!);
    await place(alice, limitOrder('sell', 85, 1));
    const res = await place(bob, limitOrder('buy', 85, 1, { postOnly: true }));
    expect(res.statusCode).toBe(422);
    const problem = res.json<{ code: string; reason: string; order: OrderBody['order'] }>();
    expect(problem).toMatchObject({
      code: 'order_rejected',
      reason: 'post_only_would_cross',
      order: { status: 'rejected', rejectReason: 'post_only_would_cross' },
    });
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orders?status=final&instrumentId=${instrument}`,
      headers: bob,
    });
    expect(listed.json()).toMatchObject({
      total: 1,
      items: [{ id: problem.order.id, status: 'rejected' }],
    });
  });

  it('rejects an order that would breach the account position limit', async () => {
    useBook(books[3]!);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/limits/trader2',
      headers: admin,
      payload: { positions: [{ instrumentId: instrument, maxNetQuantity: 5 }] },
    });
    expect(set.statusCode).toBe(200);
    expect((await place(bob, limitOrder('buy', 80, 3))).statusCode).toBe(201);
    const over = await place(bob, limitOrder('buy', 80, 3));
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ reason: 'position_limit' });
    expect((await place(bob, limitOrder('sell', 90, 3))).statusCode).toBe(201);
  });

  it('rejects an order whose notional would exceed the credit limit', async () => {
    useBook(books[4]!);
    // Credit counts open orders across books, so start from none.
    const open = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orders?status=open',
      headers: bob,
    });
    for (const o of open.json<{ items: { id: string }[] }>().items)
      await t.app.inject({ method: 'DELETE', url: `/api/v1/orders/${o.id}`, headers: bob });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/limits/trader2',
      headers: admin,
      payload: { creditLimit: 1000 },
    });
    expect((await place(bob, limitOrder('buy', 100, 9))).statusCode).toBe(201);
    const over = await place(bob, limitOrder('buy', 100, 2));
    expect(over.json()).toMatchObject({ reason: 'credit_limit' });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/limits/trader2',
      headers: admin,
      payload: { creditLimit: null },
    });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orders/${(await place(bob, limitOrder('buy', 100, 1))).json<OrderBody>().order.id}`,
      headers: bob,
    });
  });

  it('modifies and cancels an open order, and refuses both once it is final or foreign', async () => {
    useBook(books[5]!);
    const placed = (await place(alice, limitOrder('buy', 80, 5))).json<OrderBody>().order;
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orders/${placed.id}`,
      headers: bob,
    });
    expect(foreign.statusCode).toBe(404);

    const modified = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orders/${placed.id}`,
      headers: alice,
      payload: { price: 81, quantity: 7 },
    });
    expect(modified.json()).toMatchObject({
      price: 81,
      quantity: 7,
      remainingQuantity: 7,
      status: 'accepted',
    });

    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orders/${placed.id}`,
      headers: alice,
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', remainingQuantity: 0 });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orders/${placed.id}`,
      headers: alice,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'order_not_open' });
  });

  it('serialises concurrent orders on one book so that every fill is counted once', async () => {
    useBook(books[6]!);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => place(alice, limitOrder('sell', 90 + (i % 4), 1))),
    );
    const buys = await Promise.all(
      Array.from({ length: 20 }, () => place(bob, limitOrder('buy', 95, 1))),
    );
    expect(buys.every((r) => r.json<OrderBody>().order.status === 'filled')).toBe(true);
    const book = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orderbook/${instrument}`,
      headers: alice,
    });
    expect(book.json()).toMatchObject({ bids: [], asks: [] });
    const positions = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portfolio/positions',
      headers: alice,
    });
    expect(
      positions
        .json<{ items: { instrumentId: string }[] }>()
        .items.find((p) => p.instrumentId === instrument),
    ).toMatchObject({ netQuantity: -20 });
  });

  it('lists the continuous instruments with their contract terms', async () => {
    useBook(books[7]!);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/trading/instruments',
      headers: alice,
    });
    expect(res.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        instrumentId: FUTURE,
        tickSize: 0.01,
        lotSize: 1,
        currency: 'EUR',
        gateClosure: null,
        halted: false,
      }),
    );
  });
});
