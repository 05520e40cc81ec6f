import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/harness.js';
import { liveDeals } from '../repo-desk-reads.js';
import { twoTraders } from '../test-support.js';

interface DealBody {
  id: string;
  version: number;
  status: string;
  price: number;
  quantity: number;
  counterparty: string;
}

const deal = {
  counterparty: 'Nordic Utility AS',
  instrumentId: 'PWR-DE-LU-FUT-M-BASE',
  side: 'buy',
  price: 85.5,
  quantity: 10,
  deliveryStart: '2026-03-01T00:00:00+01:00',
  deliveryEnd: '2026-04-01T00:00:00+02:00',
};

describe('OTC deal capture', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    ({ alice, bob } = await twoTraders(t.app));
  });
  afterAll(async () => t.close());

  const capture = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/deals', headers: alice, payload });

  it('captures a deal, keeps each amendment as a version and confirms it', async () => {
    const created = await capture(deal);
    expect(created.statusCode).toBe(201);
    const { id } = created.json<DealBody>();
    expect(created.json()).toMatchObject({
      version: 1,
      status: 'captured',
      trader: 'trader',
      price: 85.5,
      quantity: 10,
    });

    const amended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/deals/${id}`,
      headers: alice,
      payload: { price: 86.25 },
    });
    expect(amended.json()).toMatchObject({
      id,
      version: 2,
      price: 86.25,
      quantity: 10,
      status: 'amended',
    });

    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${id}/confirm`,
      headers: alice,
    });
    expect(confirmed.json()).toMatchObject({ version: 3, status: 'confirmed', price: 86.25 });
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${id}/confirm`,
      headers: alice,
    });
    expect(twice.statusCode).toBe(409);

    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deals/${id}/versions`,
      headers: alice,
    });
    expect(
      versions.json<{ items: DealBody[] }>().items.map((v) => [v.version, v.price, v.status]),
    ).toEqual([
      [1, 85.5, 'captured'],
      [2, 86.25, 'amended'],
      [3, 86.25, 'confirmed'],
    ]);
  });

  it('sends an amended confirmed deal back for confirmation', async () => {
    const { id } = (await capture(deal)).json<DealBody>();
    await t.app.inject({ method: 'POST', url: `/api/v1/deals/${id}/confirm`, headers: alice });
    const amended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/deals/${id}`,
      headers: alice,
      payload: { quantity: 12 },
    });
    expect(amended.json()).toMatchObject({ status: 'amended', quantity: 12 });
  });

  it('cancels a deal with a reason, shows it in the version history and refuses every move after', async () => {
    const { id } = (await capture(deal)).json<DealBody>();
    await t.app.inject({ method: 'POST', url: `/api/v1/deals/${id}/confirm`, headers: alice });
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${id}/cancel`,
      headers: alice,
      payload: { reason: 'counterparty withdrew' },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id, version: 3, status: 'cancelled' });

    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/deals/${id}`, headers: alice });
    expect(shown.json()).toMatchObject({
      id,
      status: 'cancelled',
      versions: [
        { version: 1, status: 'captured', changedBy: 'trader', reason: null },
        { version: 2, status: 'confirmed', reason: null },
        { version: 3, status: 'cancelled', reason: 'counterparty withdrew' },
      ],
    });

    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/deals/${id}`, { price: 90 }],
      ['POST', `/api/v1/deals/${id}/confirm`, undefined],
      ['POST', `/api/v1/deals/${id}/void`, { reason: 'booked twice' }],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: alice,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'illegal_deal_transition', from: 'cancelled' });
    }
    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deals/${id}/versions`,
      headers: alice,
    });
    expect(versions.json<{ items: unknown[] }>().items).toHaveLength(3);
  });

  it('voids a deal booked in error and leaves it out of the live deals', async () => {
    const { id } = (await capture(deal)).json<DealBody>();
    const voided = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${id}/void`,
      headers: alice,
      payload: { reason: 'booked twice' },
    });
    expect(voided.json()).toMatchObject({ status: 'voided', version: 2 });
    expect(
      (await liveDeals(t.platform.dbs.db, { traders: ['trader'] })).map((d) => d.id),
    ).not.toContain(id);
  });

  it('refuses a cancel without a reason, and another trader cancelling', async () => {
    const { id } = (await capture(deal)).json<DealBody>();
    const bare = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${id}/cancel`,
      headers: alice,
      payload: {},
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ errors: [{ field: 'reason' }] });
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/deals/${id}/cancel`,
      headers: bob,
      payload: { reason: 'not mine' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses delivery that ends before it starts, an unknown instrument and a price off the tick grid with 400', async () => {
    const backwards = await capture({ ...deal, deliveryEnd: '2026-02-01T00:00:00Z' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({
      errors: [{ field: 'deliveryEnd', rule: 'after_start' }],
    });
    const unknown = await capture({ ...deal, instrumentId: 'PWR-XX-NOPE' });
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'instrumentId' }] });
    const offTick = await capture({ ...deal, price: 85.001 });
    expect(offTick.json()).toMatchObject({ errors: [{ field: 'price', rule: 'tick_size' }] });
    const missing = await capture({ ...deal, counterparty: undefined });
    expect(missing.statusCode).toBe(400);
  });

  it("hides one trader's deals from another", async () => {
    const { id } = (await capture(deal)).json<DealBody>();
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/deals/${id}`,
      headers: bob,
      payload: { price: 1 },
    });
    expect(foreign.statusCode).toBe(404);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/deals', headers: bob });
    expect(listed.json<{ items: DealBody[] }>().items.map((d) => d.id)).not.toContain(id);
  });
});
