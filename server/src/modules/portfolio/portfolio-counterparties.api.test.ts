import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { createTrader2, marchDeal, markCurve, signIn, type Desk } from './test-support.js';

interface CreditLine {
  id: string | null;
  name: string;
  creditLimit: number | null;
  currentExposure: number;
  potentialFutureExposure: number;
  totalExposure: number;
  utilisation: number | null;
  status: string;
  overLimit: boolean;
  openDeals: number;
}

describe('counterparties, credit limits and exposure', () => {
  let t: TestApp;
  let desk: Desk;
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });
  const register = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/portfolio/counterparties', headers, payload });
  const change = (headers: Record<string, string>, id: string, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/portfolio/counterparties/${id}`,
      headers,
      payload,
    });
  const line = async (name: string, headers = desk.alice) =>
    (await get('/api/v1/portfolio/counterparties', headers))
      .json<{ items: CreditLine[] }>()
      .items.find((l) => l.name === name);

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 0, 5, 9)) });
    await createTrader2(t.app);
    desk = await signIn(t.app);
    // March marked at 55: a deal bought at 50 is worth 5 a MWh to us.
    await markCurve(t.app, desk.analyst, '2026-01-05', { 3: 55 });
  });
  afterAll(async () => t.close());

  it('captures a deal with a counterparty nobody registered, and shows it without a limit', async () => {
    const deal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.alice,
      payload: marchDeal({ counterparty: 'Unlisted Trader', price: 50, quantity: 100 }),
    });
    expect(deal.statusCode).toBe(201);
    expect(await line('Unlisted Trader')).toMatchObject({
      id: null,
      creditLimit: null,
      status: 'no_limit',
      overLimit: false,
      openDeals: 1,
      currentExposure: 500,
    });
  });

  it('measures a registered counterparty against its limit and flags it when over', async () => {
    const created = await register(desk.risk, {
      name: 'Nordic Utility',
      creditLimit: 5000,
      masterAgreement: 'EFET',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Nordic Utility',
      creditLimit: 5000,
      currency: 'EUR',
      masterAgreement: 'EFET',
      updatedBy: 'risk',
    });
    expect(await line('Nordic Utility')).toMatchObject({
      totalExposure: 0,
      utilisation: 0,
      status: 'within',
      openDeals: 0,
    });

    const bought = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.alice,
      payload: marchDeal({ price: 50, quantity: 100 }),
    });
    expect(bought.statusCode).toBe(201);
    // A sale at 52 from another book nets against the purchase under the EFET agreement: +500 - 300.
    const sold = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.bob,
      payload: marchDeal({ side: 'sell', price: 52, quantity: 100 }),
    });
    expect(sold.statusCode).toBe(201);
    // PFE: notional 2 x 5,500 at the 20% power add-on, scaled by 0.4 + 0.6 x (200 / 500).
    expect(await line('Nordic Utility')).toMatchObject({
      currentExposure: 200,
      potentialFutureExposure: 1408,
      totalExposure: 1608,
      status: 'within',
      openDeals: 2,
    });

    // The risk manager cuts the line below what is already out: a breach, shown, not undone.
    await change(desk.risk, created.json<{ id: string }>().id, { creditLimit: 1000 });
    expect(await line('Nordic Utility')).toMatchObject({
      utilisation: 1.608,
      status: 'breach',
      overLimit: true,
    });
  });

  it('refuses a deal that would raise an exposure over its limit, naming the counterparty and limit', async () => {
    const more = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.alice,
      payload: marchDeal({ price: 50, quantity: 100 }),
    });
    expect(more.statusCode).toBe(422);
    expect(more.json()).toMatchObject({ code: 'counterparty_credit_limit' });
    expect(more.json<{ detail: string }>().detail).toContain('Nordic Utility');
    expect(more.json<{ detail: string }>().detail).toContain('1,000 EUR');
    expect(await line('Nordic Utility')).toMatchObject({ openDeals: 2, totalExposure: 1608 });

    // An amendment that would double the purchase is refused the same way and leaves the deal as it was.
    const deals = (
      await t.app.inject({ method: 'GET', url: '/api/v1/deals', headers: desk.alice })
    ).json<{
      items: { id: string; counterparty: string; quantity: number; version: number }[];
    }>().items;
    const nordicDeal = deals.find((d) => d.counterparty === 'Nordic Utility')!;
    const amended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/deals/${nordicDeal.id}`,
      headers: desk.alice,
      payload: { quantity: 200 },
    });
    expect(amended.statusCode).toBe(422);
    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deals/${nordicDeal.id}/versions`,
      headers: desk.alice,
    });
    expect(versions.json<{ items: unknown[] }>().items).toHaveLength(nordicDeal.version);

    // A deal with a counterparty nobody registered has no line to breach.
    const unlisted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.alice,
      payload: marchDeal({ counterparty: 'Unlisted Trader', price: 50, quantity: 100 }),
    });
    expect(unlisted.statusCode).toBe(201);
  });

  it('lets through a deal that lowers an exposure already over the limit', async () => {
    const hedge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.bob,
      payload: marchDeal({ side: 'sell', price: 45, quantity: 100 }),
    });
    expect(hedge.statusCode).toBe(201);
    // Selling at 45 against a mark of 55 owes the counterparty 1,000, which nets the 200 away;
    // the larger gross notional adds to PFE, but less than the netting takes off.
    const nordic = await line('Nordic Utility');
    expect(nordic).toMatchObject({ openDeals: 3, currentExposure: 0 });
    expect(nordic!.totalExposure).toBeLessThan(1608);

    const raised = await change(desk.risk, nordic!.id!, { creditLimit: 2000 });
    expect(raised.statusCode).toBe(200);
    expect(await line('Nordic Utility')).toMatchObject({ creditLimit: 2000, overLimit: false });
  });

  it('lets a viewer see exposure but not change a limit', async () => {
    expect((await get('/api/v1/portfolio/counterparties', desk.viewer)).statusCode).toBe(200);
    const nordic = await line('Nordic Utility', desk.viewer);
    for (const headers of [desk.viewer, desk.alice]) {
      expect((await register(headers, { name: 'Sneaky Ltd', creditLimit: 10 })).statusCode).toBe(
        403,
      );
      expect((await change(headers, nordic!.id!, { creditLimit: 1e9 })).statusCode).toBe(403);
    }
    expect(await line('Nordic Utility')).toMatchObject({ creditLimit: 2000 });
  });

  it('refuses a negative limit, naming the field, and changes nothing', async () => {
    const created = await register(desk.risk, { name: 'Baltic Gas', creditLimit: -5 });
    expect(created.statusCode).toBe(400);
    expect(created.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'creditLimit',
    ]);
    const nordic = await line('Nordic Utility');
    const patched = await change(desk.risk, nordic!.id!, { creditLimit: -1 });
    expect(patched.statusCode).toBe(400);
    expect(patched.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'creditLimit',
    ]);
    expect(await line('Nordic Utility')).toMatchObject({ creditLimit: 2000 });
    expect(await line('Baltic Gas')).toBeUndefined();
  });

  it('refuses a second registration of a name, an empty change and an unknown counterparty', async () => {
    const twice = await register(desk.risk, { name: 'Nordic Utility', creditLimit: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ detail: string }>().detail).toContain('Nordic Utility');
    const nordic = await line('Nordic Utility');
    const empty = await change(desk.risk, nordic!.id!, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'body',
    ]);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const missing = await change(desk.risk, id, { creditLimit: 5 });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<{ detail: string }>().detail).toContain(id);
    }
    expect(
      (await register(desk.risk, { name: 'Baltic Gas', creditLimit: 5, currency: 'SEK' }))
        .statusCode,
    ).toBe(400);
  });
});
