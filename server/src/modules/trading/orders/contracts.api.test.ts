import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessBus } from '../../../platform/bus/bus.js';
import { ManualClock } from '../../../platform/clock.js';
import { login, bearer, startTestApp, type TestApp } from '../../../test-support/harness.js';
import { Desk } from '../desk.js';
import { continuousInstruments } from '../instruments.js';
import { limitOrder, twoTraders } from '../test-support.js';
import { createOrderService } from './service.js';

// Monday 25 January 2027: the February base month trades until Friday the 29th at 18:00 Berlin (17:00 UTC).
const clock = new ManualClock(Date.UTC(2027, 0, 25, 9, 0, 0));
const FEB = 'PWR-DE-LU-BASE-2027-02';
const FEB_CLOSE = Date.UTC(2027, 0, 29, 17, 0, 0);

describe('listed contracts, each with its own book', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    ({ alice, bob } = await twoTraders(t.app));
  });
  afterAll(async () => t.close());

  const place = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload });

  it('lists the contracts of the main products beside the rolling futures, each closing on its last trading day', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/trading/instruments',
      headers: alice,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { instrumentId: string; gateClosure: string | null }[] }>()
      .items;
    const byId = new Map(items.map((i) => [i.instrumentId, i]));
    expect(byId.get('PWR-DE-LU-FUT-M-BASE')?.gateClosure).toBeNull();
    expect(byId.get(FEB)?.gateClosure).toBe(new Date(FEB_CLOSE).toISOString());
    for (const id of [
      'PWR-DE-LU-BASE-2027-Q2',
      'PWR-DE-LU-BASE-CAL-2028',
      'PWR-DE-LU-PEAK-2027-03',
      'PWR-FR-BASE-2027-03',
      'GAS-TTF-2027-03',
      'EUA-DEC-2027',
      'BRENT-2027-04',
    ])
      expect(byId.has(id), id).toBe(true);
    // January has started delivering and stopped trading; the March Brent contract expired on 30 November.
    expect(byId.has('PWR-DE-LU-BASE-2027-01')).toBe(false);
    expect(byId.has('BRENT-2027-01')).toBe(false);
  });

  it('matches orders in a contract in its own book, in lots of 1 MW', async () => {
    const sell = await place(bob, limitOrder('sell', 87.5, 5, { instrumentId: FEB }));
    expect(sell.statusCode).toBe(201);
    const buy = await place(alice, limitOrder('buy', 87.5, 5, { instrumentId: FEB }));
    expect(buy.statusCode).toBe(201);
    expect(buy.json()).toMatchObject({
      order: { instrumentId: FEB, status: 'filled' },
      trades: [{ price: 87.5, quantity: 5 }],
    });
    // The rolling month future's book is another book.
    const rolling = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orderbook/PWR-DE-LU-FUT-M-BASE',
      headers: alice,
    });
    expect(rolling.json<{ lastTradePrice: number | null }>().lastTradePrice).not.toBe(87.5);
  });

  it('refuses a contract the desk does not list, naming the field and its last trading day', async () => {
    const expired = await place(
      alice,
      limitOrder('buy', 80, 1, { instrumentId: 'PWR-DE-LU-BASE-2026-06' }),
    );
    expect(expired.statusCode).toBe(422);
    expect(expired.json()).toMatchObject({
      code: 'contract_not_listed',
      errors: [{ field: 'instrumentId', rule: 'listed_contract' }],
      lastTradingDay: '2026-05-29',
    });
    const unknown = await place(
      alice,
      limitOrder('buy', 80, 1, { instrumentId: 'PWR-DE-LU-BASE-2027-13' }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'instrument_not_found' });
    const fraction = await place(alice, limitOrder('buy', 80, 0.5, { instrumentId: FEB }));
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json()).toMatchObject({ errors: [{ field: 'quantity', rule: 'lot_size' }] });
  });

  it('expires resting orders at the close of the last trading day, refuses new ones, and the log replays it', async () => {
    const resting = await place(alice, limitOrder('buy', 86, 3, { instrumentId: FEB }));
    expect(resting.json()).toMatchObject({ order: { status: 'accepted' } });
    const orderId = resting.json<{ order: { id: string } }>().order.id;

    clock.set(FEB_CLOSE);
    const trader = bearer((await login(t.app, 'trader')).token);
    const late = await place(trader, limitOrder('buy', 86, 1, { instrumentId: FEB }));
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'order_rejected', reason: 'gate_closed' });

    // The expiry is a logged command, so a desk rebuilt from the log sees the same empty book.
    await vi.waitFor(
      async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/orders?instrumentId=${FEB}`,
          headers: trader,
        });
        const items = res.json<{ items: { id: string; status: string }[] }>().items;
        expect(items.find((o) => o.id === orderId)?.status).toBe('expired');
      },
      { timeout: 10_000, interval: 100 },
    );

    const rebuilt = new Desk({
      db: t.platform.dbs.db,
      bus: new InProcessBus(),
      instruments: continuousInstruments(undefined, Date.UTC(2027, 0, 25, 9)),
      onPublishError: () => undefined,
    });
    await rebuilt.start();
    expect(rebuilt.depth(FEB, 5)).toMatchObject({ bids: [], asks: [], lastTradePrice: 87.5 });
    const replayed = createOrderService({
      db: t.platform.dbs.db,
      desk: rebuilt,
      clock,
      checks: [],
    });
    expect(await replayed.sweep()).toBe(0);
    await rebuilt.stop();
  });
});
