import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';

/**
 * Text PostgreSQL cannot store, sent where each route writes it: every one is refused
 * at the gateway with a 400 naming the field, and nothing is written.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  for (const user of ['admin', 'trader', 'risk', 'analyst'])
    tokens[user] = (await login(t.app, user)).token;
});
afterAll(() => t.close());

const NUL = 'Nordic\u0000Utility';
const SURROGATE = 'Nordic \ud800 Utility';
const deal = {
  counterparty: 'Nordic Utility AS',
  instrumentId: 'PWR-DE-LU-FUT-M-BASE',
  side: 'buy',
  price: 85.5,
  quantity: 10,
  deliveryStart: '2026-03-01T00:00:00+01:00',
  deliveryEnd: '2026-04-01T00:00:00+02:00',
};

async function send(user: string, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: bearer(tokens[user]!),
    ...(payload ? { payload } : {}),
  });
}

function expectRefused(res: Awaited<ReturnType<typeof send>>, field: string, rule = 'no_nul') {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({
    code: 'unstorable_text',
    errors: [expect.objectContaining({ field, rule })],
  });
}

describe('text the database cannot store', () => {
  it('refuses a NUL or a lone surrogate in a client order id, and books nothing', async () => {
    const order = {
      clientOrderId: 'x',
      instrumentId: 'PWR-DE-LU-FUT-M-BASE',
      side: 'buy',
      type: 'limit',
      price: 80,
      quantity: 1,
      timeInForce: 'GTC',
    };
    expectRefused(
      await send('trader', 'POST', '/api/v1/orders', { ...order, clientOrderId: 'c\u0000' }),
      'body.clientOrderId',
    );
    expectRefused(
      await send('trader', 'POST', '/api/v1/orders', { ...order, clientOrderId: 'c\ud800' }),
      'body.clientOrderId',
      'well_formed_unicode',
    );
    const mine = await send('trader', 'GET', '/api/v1/orders');
    expect(mine.json().items).toEqual([]);
  });

  it('refuses a NUL in a deal counterparty', async () => {
    expectRefused(
      await send('trader', 'POST', '/api/v1/deals', { ...deal, counterparty: NUL }),
      'body.counterparty',
    );
    expectRefused(
      await send('trader', 'POST', '/api/v1/deals', { ...deal, counterparty: SURROGATE }),
      'body.counterparty',
      'well_formed_unicode',
    );
  });

  it("refuses a NUL in a user's display name", async () => {
    const users = (await send('admin', 'GET', '/api/v1/users')).json<{
      items: { id: string; username: string }[];
    }>().items;
    const viewer = users.find((u) => u.username === 'viewer')!;
    expectRefused(
      await send('admin', 'PATCH', `/api/v1/users/${viewer.id}`, { displayName: NUL }),
      'body.displayName',
    );
    expectRefused(
      await send('admin', 'POST', '/api/v1/users', {
        username: 'newbie',
        displayName: NUL,
        password: 'Long-enough-Passw0rd',
        roles: ['viewer'],
      }),
      'body.displayName',
    );
  });

  it('refuses a NUL in a limit name', async () => {
    const limit = {
      name: NUL,
      kind: 'position',
      scope: 'desk',
      instrumentId: 'PWR-DE-LU-FUT-M-BASE',
      threshold: 5,
      severity: 'soft',
    };
    expectRefused(await send('risk', 'POST', '/api/v1/risk/limits', limit), 'body.name');
  });

  it('refuses a NUL in a counterparty name', async () => {
    expectRefused(
      await send('risk', 'POST', '/api/v1/portfolio/counterparties', {
        name: NUL,
        creditLimit: 1000,
      }),
      'body.name',
    );
  });

  it("refuses a NUL in a data set's name or market", async () => {
    const csv = 'Date,Price,Exogenous 1,Exogenous 2\n';
    expectRefused(
      await send('analyst', 'POST', '/api/v1/forecasting/datasets', {
        name: NUL,
        market: 'NP',
        csv,
      }),
      'body.name',
    );
    expectRefused(
      await send('analyst', 'POST', '/api/v1/forecasting/datasets', {
        name: 'NP',
        market: NUL,
        csv,
      }),
      'body.market',
    );
  });

  it('looks in query strings, path parameters and object keys as well', async () => {
    expectRefused(
      await send('trader', 'GET', '/api/v1/instruments?commodity=power%00'),
      'query.commodity',
    );
    expectRefused(await send('trader', 'GET', '/api/v1/orderbook/PWR%00'), 'params.instrumentId');
    expectRefused(
      await send('trader', 'POST', '/api/v1/deals', { ...deal, ['extra\u0000']: 1 }),
      'body.extra\\u0000',
    );
  });

  it('refuses a body nested deeper than any route takes', async () => {
    const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
    const body = JSON.stringify({ ...deal, counterparty: 0 }).replace(
      '"counterparty":0',
      `"counterparty":${deep}`,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: { ...bearer(tokens.trader!), 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [expect.objectContaining({ rule: 'max_nesting' })],
    });
  });

  it('stored none of the refused writes', async () => {
    expect((await send('trader', 'GET', '/api/v1/deals')).json().items).toEqual([]);
    expect((await send('risk', 'GET', '/api/v1/portfolio/counterparties')).json().items).toEqual(
      [],
    );
    const names = (await send('admin', 'GET', '/api/v1/users'))
      .json<{ items: { displayName: string }[] }>()
      .items.map((u) => u.displayName);
    expect(names.some((n) => n.includes('\u0000'))).toBe(false);
  });
});

describe('ids that are not ids', () => {
  it('refuses a deal id of 36 dashes, which is no uuid, with 400 naming the parameter', async () => {
    const dashes = '-'.repeat(36);
    for (const [method, url] of [
      ['GET', `/api/v1/deals/${dashes}/versions`],
      ['PATCH', `/api/v1/deals/${dashes}`],
      ['POST', `/api/v1/deals/${dashes}/confirm`],
    ] as const) {
      const res = await send('trader', method, url, method === 'PATCH' ? { price: 1 } : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'id' })]);
    }
  });
});
