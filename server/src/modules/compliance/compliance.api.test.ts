import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { DE_MONTH, dealBody, orderBody, signInDesk, type DeskTokens } from './test-support.js';

interface Decision {
  id: string;
  subjectId: string | null;
  account: string;
  outcome: string;
  ruleId: string | null;
  citation: string | null;
  jurisdictions: string[];
  derivation: { jurisdiction: string; source: string }[];
}

describe('compliance pre-trade decisions', () => {
  let t: TestApp;
  let desk: DeskTokens;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const place = (headers: Record<string, string>, over: Record<string, unknown> = {}) =>
    call('POST', '/api/v1/orders', headers, orderBody(over));
  const decisions = async (headers: Record<string, string>, query = '') =>
    (await call('GET', `/api/v1/compliance/decisions${query}`, headers)).json<{
      items: Decision[];
    }>().items;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 5, 1, 9)) });
    desk = await signInDesk(t.app);
  });
  afterAll(async () => t.close());

  it('refuses a buy at 99,999 EUR/MWh with the collar, the rule and its citation', async () => {
    const res = await place(desk.trader, { price: 99_999 });
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      code: string;
      reason: string;
      compliance: Record<string, unknown>;
      detail: string;
    }>();
    expect(body.code).toBe('compliance_blocked');
    expect(body.reason).toBe('compliance_block');
    expect(body.compliance).toMatchObject({
      ruleId: 'desk.price-collar',
      citation: expect.stringContaining('price collars'),
      message: expect.stringContaining('-500 to 4000'),
      jurisdictions: ['DESK', 'EU'],
    });
  });

  it('lets an ordinary order through and stores an allow decision with its derivation', async () => {
    const res = await place(desk.trader, { price: 88 });
    expect(res.statusCode).toBe(201);
    const orderId = res.json<{ order: { id: string } }>().order.id;
    const [decision] = await decisions(desk.trader, `?subjectId=${orderId}`);
    expect(decision).toMatchObject({
      outcome: 'allow',
      account: 'trader',
      ruleId: null,
      jurisdictions: ['DESK', 'EU'],
    });
    expect(decision!.derivation.map((d) => d.source)).toEqual(['desk', 'venue', 'delivery_zone']);
  });

  it('answers "why was this order blocked?" for its trader and compliance, never for another trader', async () => {
    const blocked = await decisions(desk.trader, '?outcome=block');
    expect(blocked[0]).toMatchObject({ ruleId: 'desk.price-collar', account: 'trader' });
    expect(await decisions(desk.trader2, '?outcome=block')).toEqual([]);
    expect(await decisions(desk.trader2, '?account=trader')).toEqual([]);
    const all = await decisions(desk.officer, '?account=trader&outcome=block');
    expect(all.length).toBeGreaterThan(0);
  });

  it('blocks a wash trade between two books of the same legal entity', async () => {
    for (const account of ['trader', 'trader2'])
      expect(
        (
          await call('PUT', `/api/v1/compliance/books/${account}`, desk.officer, {
            legalEntity: 'Opti Energy GmbH',
            country: 'DE',
          })
        ).statusCode,
      ).toBe(200);
    expect((await place(desk.trader2, { side: 'sell', price: 90 })).statusCode).toBe(201);
    const res = await place(desk.trader, { side: 'buy', price: 90 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      compliance: { ruleId: 'eu-remit.self-trade', citation: expect.stringContaining('REMIT') },
    });
  });

  it('blocks a product on the restricted list until it comes off', async () => {
    expect(
      (
        await call('POST', '/api/v1/compliance/restricted', desk.trader, {
          instrumentId: DE_MONTH,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const added = await call('POST', '/api/v1/compliance/restricted', desk.officer, {
      instrumentId: DE_MONTH,
      reason: 'advising on a takeover',
    });
    expect(added.statusCode).toBe(201);
    const res = await place(desk.trader, { price: 88 });
    expect(res.json()).toMatchObject({
      code: 'compliance_blocked',
      compliance: { ruleId: 'desk.restricted-list' },
    });
    expect(
      (await call('DELETE', `/api/v1/compliance/restricted/${DE_MONTH}`, desk.officer)).statusCode,
    ).toBe(204);
    expect((await place(desk.trader, { price: 88 })).statusCode).toBe(201);
    const unknown = await call('POST', '/api/v1/compliance/restricted', desk.officer, {
      instrumentId: 'NOPE',
      reason: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'instrumentId' }] });
  });

  it('embargoes an insider in the affected products until the information is published', async () => {
    const event = await call('POST', '/api/v1/compliance/inside-information', desk.officer, {
      title: 'Unplanned outage of unit 3',
      products: [DE_MONTH],
      insiders: ['trader'],
    });
    expect(event.statusCode).toBe(201);
    const id = event.json<{ id: string }>().id;
    const res = await place(desk.trader, { price: 88 });
    expect(res.json()).toMatchObject({ compliance: { ruleId: 'eu-remit.insider-embargo' } });
    // Someone not on the insider list trades as usual.
    expect((await place(desk.trader2, { price: 85 })).statusCode).toBe(201);
    expect(
      (await call('POST', `/api/v1/compliance/inside-information/${id}/publish`, desk.officer))
        .statusCode,
    ).toBe(204);
    expect((await place(desk.trader, { price: 88 })).statusCode).toBe(201);
    expect(
      (await call('POST', `/api/v1/compliance/inside-information/${id}/publish`, desk.officer))
        .statusCode,
    ).toBe(409);
  });
});

describe('compliance rule changes under four-eyes', () => {
  let t: TestApp;
  let desk: DeskTokens;
  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const collar = async () =>
    (await call('GET', '/api/v1/compliance/rules/desk.max-order-size', desk.officer)).json<{
      version: number;
      params: { perProduct: Record<string, number> };
    }>();

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 5, 1, 9)) });
    desk = await signInDesk(t.app);
  });
  afterAll(async () => t.close());

  it('shows the rule packs to compliance and not to a trader', async () => {
    const res = await call('GET', '/api/v1/compliance/rules', desk.officer);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toContain(
      'us-cftc.ng-spot-month',
    );
    expect((await call('GET', '/api/v1/compliance/rules', desk.trader)).statusCode).toBe(403);
  });

  it('names an unknown parameter and stores nothing', async () => {
    const res = await call(
      'POST',
      '/api/v1/compliance/rules/desk.max-order-size/changes',
      desk.officer,
      {
        params: { defaultMaxQuantity: 10, perProduct: {}, maxQty: 3 },
        reason: 'typo',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [{ field: 'params.maxQty', rule: 'unknown_parameter' }],
    });
    const changes = await call('GET', '/api/v1/compliance/rule-changes', desk.officer);
    expect(changes.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('applies a change only once another officer approves it', async () => {
    const proposed = await call(
      'POST',
      '/api/v1/compliance/rules/desk.max-order-size/changes',
      desk.officer,
      {
        params: { defaultMaxQuantity: 1000, perProduct: { 'PWR-*': 10 } },
        reason: 'tighter fat-finger limit on power',
      },
    );
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json<{ id: string }>().id;
    // Proposed, not applied.
    expect((await collar()).version).toBe(1);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/orders',
          headers: desk.trader,
          payload: orderBody({ quantity: 20 }),
        })
      ).statusCode,
    ).toBe(201);
    const self = await call('POST', `/api/v1/compliance/rule-changes/${id}/approve`, desk.officer);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'four_eyes_required' });
    expect(
      (await call('POST', `/api/v1/compliance/rule-changes/${id}/approve`, desk.trader)).statusCode,
    ).toBe(403);
    const approved = await call(
      'POST',
      `/api/v1/compliance/rule-changes/${id}/approve`,
      desk.admin,
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      proposedBy: 'compliance',
      decidedBy: 'admin',
    });
    expect(await collar()).toMatchObject({ version: 2, params: { perProduct: { 'PWR-*': 10 } } });
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: desk.trader,
      payload: orderBody({ quantity: 20 }),
    });
    expect(big.json()).toMatchObject({
      code: 'compliance_blocked',
      compliance: { ruleId: 'desk.max-order-size', ruleVersion: 2 },
    });
    expect(
      (await call('POST', `/api/v1/compliance/rule-changes/${id}/approve`, desk.admin)).statusCode,
    ).toBe(409);
  });

  it('refuses to approve a change proposed against an older version', async () => {
    const stale = await call(
      'POST',
      '/api/v1/compliance/rules/desk.price-collar/changes',
      desk.officer,
      {
        params: { bandPercent: 10, minBandAbsolute: 1, perProduct: {} },
        reason: 'a',
      },
    );
    const fresh = await call(
      'POST',
      '/api/v1/compliance/rules/desk.price-collar/changes',
      desk.officer,
      {
        params: { bandPercent: 15, minBandAbsolute: 1, perProduct: {} },
        reason: 'b',
      },
    );
    expect(
      (
        await call(
          'POST',
          `/api/v1/compliance/rule-changes/${fresh.json<{ id: string }>().id}/approve`,
          desk.admin,
        )
      ).statusCode,
    ).toBe(200);
    const res = await call(
      'POST',
      `/api/v1/compliance/rule-changes/${stale.json<{ id: string }>().id}/approve`,
      desk.admin,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'rule_change_stale' });
  });
});

describe('compliance on OTC deals, sanctions and alerts', () => {
  let t: TestApp;
  let desk: DeskTokens;
  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  beforeAll(async () => {
    // Mid-September: EUA sales are flagged ahead of the 30 September surrender.
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 8, 15, 9)) });
    desk = await signInDesk(t.app);
  });
  afterAll(async () => t.close());

  it('refuses a sanctions file with bad rows, naming line and field, and keeps the old list', async () => {
    const good = await call('POST', '/api/v1/compliance/sanctions/import', desk.officer, {
      csv: 'name,country,programme\nVolga Trading OOO,RU,EU 269/2014\n',
    });
    expect(good.json()).toEqual({ imported: 1 });
    const bad = await call('POST', '/api/v1/compliance/sanctions/import', desk.officer, {
      csv: 'name,country,programme\nNew Co,RU,EU\n,RU,EU\nOther,RUS,EU\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'sanctions_csv_invalid',
      issues: [
        { line: 3, field: 'name' },
        { line: 4, field: 'country' },
      ],
    });
    const list = await call('GET', '/api/v1/compliance/sanctions', desk.officer);
    expect(list.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual([
      'Volga Trading OOO',
    ]);
    expect(
      (
        await call('POST', '/api/v1/compliance/sanctions/import', desk.trader, {
          csv: 'name,programme\nA,B\n',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('blocks a deal with a sanctioned counterparty and stores nothing of the deal', async () => {
    const res = await call(
      'POST',
      '/api/v1/deals',
      desk.trader,
      dealBody({ counterparty: 'volga  trading ooo' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'compliance_blocked',
      compliance: { ruleId: 'desk.sanctioned-counterparty' },
    });
    const deals = await call('GET', '/api/v1/deals', desk.trader);
    expect(JSON.stringify(deals.json())).not.toContain('volga');
  });

  it('puts a deal under every regime its parties bring in', async () => {
    await call('PUT', '/api/v1/compliance/books/trader', desk.officer, {
      legalEntity: 'Opti Energy UK Ltd',
      country: 'GB',
    });
    await call('PUT', '/api/v1/compliance/parties/Gulf%20Coast%20Power', desk.officer, {
      country: 'US',
    });
    const res = await call(
      'POST',
      '/api/v1/deals',
      desk.trader,
      dealBody({ counterparty: 'Gulf Coast Power' }),
    );
    expect(res.statusCode).toBe(201);
    const [decision] = (
      await call('GET', '/api/v1/compliance/decisions?outcome=allow', desk.officer)
    ).json<{ items: Decision[] }>().items;
    expect(decision!.jurisdictions).toEqual(['DESK', 'EU', 'UK', 'US']);
    // A deal with the desk's own entity is a trade with oneself.
    const own = await call(
      'POST',
      '/api/v1/deals',
      desk.trader,
      dealBody({ counterparty: 'Opti Energy UK Ltd' }),
    );
    expect(own.json()).toMatchObject({ compliance: { ruleId: 'eu-remit.self-trade' } });
    const badCountry = await call('PUT', '/api/v1/compliance/parties/X', desk.officer, {
      country: 'gbr',
    });
    expect(badCountry.statusCode).toBe(400);
  });

  it('accepts a flagged EUA sale and opens an alert that compliance sees', async () => {
    const res = await call(
      'POST',
      '/api/v1/orders',
      desk.trader,
      orderBody({ instrumentId: 'EUA-FUT-DEC', side: 'sell', price: 70, quantity: 1000 }),
    );
    expect(res.statusCode).toBe(201);
    const alerts = await call('GET', '/api/v1/compliance/alerts?status=open', desk.officer);
    expect(alerts.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        source: 'pre_trade',
        kind: 'eu-ets.surrender-warning',
        account: 'trader',
        citation: expect.stringContaining('2003/87/EC'),
      }),
    ]);
    expect((await call('GET', '/api/v1/compliance/alerts', desk.trader)).statusCode).toBe(403);
  });
});
