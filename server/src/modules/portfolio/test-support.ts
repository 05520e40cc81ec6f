import type { FastifyInstance } from 'fastify';
import { bearer, DEMO_PASSWORD, login } from '../../test-support/harness.js';

/** French base month future: one lot is 1 MWh, prices in 0.01 EUR. */
export const FR_MONTH = 'PWR-FR-FUT-M-BASE';

/** Creates a second trader beside the demo users. */
export async function createTrader2(app: FastifyInstance): Promise<void> {
  const admin = bearer((await login(app, 'admin')).token);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: {
      username: 'trader2',
      displayName: 'Second Trader',
      password: DEMO_PASSWORD,
      roles: ['trader'],
    },
  });
  if (created.statusCode !== 201) throw new Error(`creating trader2 failed: ${created.body}`);
}

/**
 * Fresh access tokens for the demo trader (alice), the second trader (bob), the admin,
 * the risk manager, the viewer and the analyst; tests that move the clock by days sign in again.
 */
export async function signIn(app: FastifyInstance) {
  const as = async (name: string) => bearer((await login(app, name)).token);
  return {
    admin: await as('admin'),
    alice: await as('trader'),
    bob: await as('trader2'),
    risk: await as('risk'),
    viewer: await as('viewer'),
    analyst: await as('analyst'),
  };
}

export type Desk = Awaited<ReturnType<typeof signIn>>;

let counter = 0;

/** The seller rests an order and the buyer takes it, so the buyer is long `quantity` at `price`. */
export async function cross(
  app: FastifyInstance,
  seller: Record<string, string>,
  buyer: Record<string, string>,
  price: number,
  quantity: number,
  instrumentId = FR_MONTH,
) {
  const order = (side: 'buy' | 'sell') => ({
    clientOrderId: `pf-${++counter}`,
    instrumentId,
    side,
    type: 'limit',
    price,
    quantity,
    timeInForce: 'GTC',
  });
  const sell = await app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: seller,
    payload: order('sell'),
  });
  const buy = await app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: buyer,
    payload: order('buy'),
  });
  if (sell.statusCode !== 201 || buy.statusCode !== 201)
    throw new Error(`crossing failed: ${sell.body} ${buy.body}`);
  if (buy.json<{ order: { status: string } }>().order.status !== 'filled')
    throw new Error(`the buy did not fill: ${buy.body}`);
}

/** Marks the French base curve for an as-of day with one price per quoted month of 2026. */
export async function markCurve(
  app: FastifyInstance,
  analyst: Record<string, string>,
  asOf: string,
  months: Record<number, number>,
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/market-data/curves',
    headers: analyst,
    payload: {
      id: 'PWR-FR-BASE',
      instrumentId: FR_MONTH,
      asOf,
      points: Object.entries(months).map(([month, price]) => ({
        tenor: 'month',
        year: 2026,
        index: Number(month),
        price,
      })),
    },
  });
  if (res.statusCode !== 200)
    throw new Error(`marking the curve failed: ${res.statusCode} ${res.body}`);
}

/** An OTC deal on the French month product delivering March 2026 in local time. */
export const marchDeal = (over: Record<string, unknown> = {}) => ({
  counterparty: 'Nordic Utility',
  instrumentId: FR_MONTH,
  side: 'buy',
  price: 60,
  quantity: 20,
  deliveryStart: '2026-03-01T00:00:00+01:00',
  deliveryEnd: '2026-04-01T00:00:00+02:00',
  ...over,
});
