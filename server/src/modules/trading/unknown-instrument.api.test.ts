import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { limitOrder, twoTraders } from './test-support.js';

const UNKNOWN = 'PWR-XX-NOWHERE';

describe('an instrument that does not exist', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let admin: Record<string, string>;
  let dealId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ alice, admin } = await twoTraders(t.app));
    const deal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: alice,
      payload: {
        counterparty: 'Nordic Utility AS',
        instrumentId: 'PWR-DE-LU-FUT-M-BASE',
        side: 'buy',
        price: 85,
        quantity: 1,
        deliveryStart: '2026-03-01T00:00:00+01:00',
        deliveryEnd: '2026-04-01T00:00:00+02:00',
      },
    });
    dealId = deal.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  const routes: [
    string,
    () => {
      method: 'GET' | 'POST' | 'PUT' | 'PATCH';
      url: string;
      headers: () => Record<string, string>;
      payload?: InjectOptions['payload'];
    },
    string,
  ][] = [
    [
      'placing an order',
      () => ({
        method: 'POST',
        url: '/api/v1/orders',
        headers: () => alice,
        payload: { ...limitOrder('buy', 80, 1), instrumentId: UNKNOWN },
      }),
      'instrumentId',
    ],
    [
      'listing orders',
      () => ({
        method: 'GET',
        url: `/api/v1/orders?instrumentId=${UNKNOWN}`,
        headers: () => alice,
      }),
      'instrumentId',
    ],
    [
      'listing trades',
      () => ({
        method: 'GET',
        url: `/api/v1/trades?instrumentId=${UNKNOWN}`,
        headers: () => alice,
      }),
      'instrumentId',
    ],
    [
      'reading a book',
      () => ({ method: 'GET', url: `/api/v1/orderbook/${UNKNOWN}`, headers: () => alice }),
      'instrumentId',
    ],
    [
      'setting a position limit',
      () => ({
        method: 'PUT',
        url: '/api/v1/trading/limits/trader',
        headers: () => admin,
        payload: { positions: [{ instrumentId: UNKNOWN, maxNetQuantity: 5 }] },
      }),
      'positions[0].instrumentId',
    ],
    [
      'capturing a deal',
      () => ({
        method: 'POST',
        url: '/api/v1/deals',
        headers: () => alice,
        payload: {
          counterparty: 'X',
          instrumentId: UNKNOWN,
          side: 'buy',
          price: 85,
          quantity: 1,
          deliveryStart: '2026-03-01T00:00:00Z',
          deliveryEnd: '2026-04-01T00:00:00Z',
        },
      }),
      'instrumentId',
    ],
    [
      'amending a deal',
      () => ({
        method: 'PATCH',
        url: `/api/v1/deals/${dealId}`,
        headers: () => alice,
        payload: { instrumentId: UNKNOWN },
      }),
      'instrumentId',
    ],
  ];

  for (const [name, request, field] of routes) {
    it(`answers 404 instrument_not_found naming ${field} when ${name}`, async () => {
      const { headers, ...rest } = request();
      const res = await t.app.inject({ ...rest, headers: headers() });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'instrument_not_found',
        instrumentId: UNKNOWN,
        errors: [{ field, rule: 'known_instrument' }],
      });
    });
  }
});
