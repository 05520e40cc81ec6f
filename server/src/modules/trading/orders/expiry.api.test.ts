import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessBus } from '../../../platform/bus/bus.js';
import { ManualClock } from '../../../platform/clock.js';
import { DomainError } from '../../../platform/errors.js';
import { bearer, login, startTestApp, type TestApp } from '../../../test-support/harness.js';
import { Desk } from '../desk.js';
import { tradableInstrument } from '../instruments.js';
import { orderById } from './repo.js';
import { createOrderService } from './service.js';
import { tradingDb } from '../tables.js';
import { limitOrder } from '../test-support.js';

const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
const HOUR = 3_600_000;

describe('expiry, gate closure and who may trade', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('expires a good-till-date order once its time has passed, through the periodic sweep', async () => {
    const trader = bearer((await login(t.app, 'trader')).token);
    const gtd = limitOrder('buy', 60, 2, {
      instrumentId: 'PWR-FR-FUT-Q-BASE',
      timeInForce: 'GTD',
      expiresAt: new Date(clock.now() + HOUR).toISOString(),
    });
    const gtc = limitOrder('buy', 59, 2, { instrumentId: 'PWR-FR-FUT-Q-BASE' });
    const placed = (
      await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: trader, payload: gtd })
    ).json<{ order: { id: string; status: string } }>().order;
    const kept = (
      await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: trader, payload: gtc })
    ).json<{ order: { id: string } }>().order;
    expect(placed.status).toBe('accepted');

    clock.advance(2 * HOUR);
    const again = bearer((await login(t.app, 'trader')).token);
    await vi.waitFor(
      async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/v1/orders?instrumentId=PWR-FR-FUT-Q-BASE',
          headers: again,
        });
        const items = res.json<{ items: { id: string; status: string }[] }>().items;
        expect(items.find((o) => o.id === placed.id)?.status).toBe('expired');
        expect(items.find((o) => o.id === kept.id)?.status).toBe('accepted');
      },
      { timeout: 10_000, interval: 100 },
    );
    const book = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orderbook/PWR-FR-FUT-Q-BASE',
      headers: again,
    });
    expect(book.json()).toMatchObject({ bids: [{ price: 59, quantity: 2 }] });
  });

  it('expires resting orders at gate closure and refuses new ones after it', async () => {
    // A book whose gate was set before it opened, on a desk of its own over the app's database.
    const instrument = tradableInstrument('PWR-FR-FUT-Y-BASE');
    const gate = clock.now() + HOUR;
    const db = tradingDb(t.platform.dbs.db);
    await db
      .updateTable('trading_books')
      .set({ gate_closure_ms: gate })
      .where('instrument_id', '=', instrument.id)
      .execute();
    const desk = new Desk({
      db: t.platform.dbs.db,
      bus: new InProcessBus(),
      instruments: [instrument],
      onPublishError: () => undefined,
    });
    await desk.start();
    const orders = createOrderService({ db: t.platform.dbs.db, desk, clock, checks: [] });

    const resting = await orders.place('gate-trader', {
      ...limitOrder('sell', 75, 5),
      instrumentId: instrument.id,
      type: 'limit',
      side: 'sell',
      timeInForce: 'GTC',
    });
    expect(resting.order.status).toBe('accepted');

    clock.set(gate);
    const late = orders.place('gate-trader', {
      ...limitOrder('buy', 75, 1),
      instrumentId: instrument.id,
      type: 'limit',
      side: 'buy',
      timeInForce: 'GTC',
    });
    await expect(late).rejects.toBeInstanceOf(DomainError);
    await expect(late).rejects.toMatchObject({
      code: 'order_rejected',
      extra: { reason: 'gate_closed' },
    });

    expect(await orders.sweep()).toBe(1);
    expect((await orderById(db, resting.order.id))?.status).toBe('expired');
    expect(desk.depth(instrument.id, 5)).toMatchObject({ bids: [], asks: [] });
    await desk.stop();
  });

  it('refuses a viewer on every write route and audits the refusal, while placed orders stay out of the generic audit', async () => {
    const viewer = bearer((await login(t.app, 'viewer')).token);
    const writes = [
      { method: 'POST', url: '/api/v1/orders', payload: limitOrder('buy', 50, 1) },
      { method: 'PATCH', url: '/api/v1/orders/some-order', payload: { price: 51 } },
      { method: 'DELETE', url: '/api/v1/orders/some-order' },
      { method: 'POST', url: '/api/v1/deals', payload: {} },
      { method: 'POST', url: '/api/v1/auctions/some-auction/curves', payload: {} },
      { method: 'PUT', url: '/api/v1/trading/limits/viewer', payload: { positions: [] } },
    ] as const;
    for (const w of writes) {
      const res = await t.app.inject({
        method: w.method,
        url: w.url,
        headers: viewer,
        ...('payload' in w ? { payload: w.payload } : {}),
      });
      expect(res.statusCode, `${w.method} ${w.url}`).toBe(403);
    }
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/orderbook/PWR-FR-FUT-Q-BASE',
          headers: viewer,
        })
      ).statusCode,
    ).toBe(200);

    const admin = bearer((await login(t.app, 'admin')).token);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=http.refused&actor=user:viewer&limit=50',
      headers: admin,
    });
    expect(refused.json<{ items: { target: string }[] }>().items.map((i) => i.target)).toContain(
      '/api/v1/orders',
    );
    const accepted = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=http.request&target=/api/v1/orders',
      headers: admin,
    });
    expect(accepted.json()).toMatchObject({ total: 0 });
  });
});
