import type { FastifyInstance } from 'fastify';
import { bearer, createSecondTrader, login } from '../../test-support/harness.js';
import { crossOrders } from '../../test-support/orders.js';

/** French base month future: one lot is 1 MWh, prices in 0.01 EUR. */
export const FR_MONTH = 'PWR-FR-FUT-M-BASE';

/** Creates a second trader beside the demo users. */
export async function createTrader2(app: FastifyInstance): Promise<void> {
  const admin = bearer((await login(app, 'admin')).token);
  await createSecondTrader(app, admin);
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

/** The seller rests an order and the buyer takes it, so the buyer is long `quantity` at `price`. */
export async function cross(
  app: FastifyInstance,
  seller: Record<string, string>,
  buyer: Record<string, string>,
  price: number,
  quantity: number,
  instrumentId = FR_MONTH,
) {
  const buy = await crossOrders(app, {
    instrumentId,
    seller: seller,
    buyer: buyer,
    price,
    quantity,
  });
  if (buy.order.status !== 'filled')
    throw new Error(`the buy did not fill: ${JSON.stringify(buy)}`);
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
