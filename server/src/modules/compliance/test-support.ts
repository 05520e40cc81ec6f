import type { FastifyInstance } from 'fastify';
import { bearer, createSecondTrader, login } from '../../test-support/harness.js';

export const DE_MONTH = 'PWR-DE-LU-FUT-M-BASE';

let counter = 0;

/** Tokens for the demo trader, a second trader, the compliance officer, the admin and the viewer. */
export async function signInDesk(app: FastifyInstance) {
  const as = async (name: string) => bearer((await login(app, name)).token);
  const admin = await as('admin');
  await createSecondTrader(app, admin, { existing: 'keep' });
  return {
    admin,
    trader: await as('trader'),
    trader2: await as('trader2'),
    officer: await as('compliance'),
    viewer: await as('viewer'),
  };
}

export type DeskTokens = Awaited<ReturnType<typeof signInDesk>>;

export function orderBody(over: Record<string, unknown> = {}) {
  return {
    clientOrderId: `co-${++counter}`,
    instrumentId: DE_MONTH,
    side: 'buy',
    type: 'limit',
    price: 88,
    quantity: 5,
    timeInForce: 'GTC',
    ...over,
  };
}

export function dealBody(over: Record<string, unknown> = {}) {
  return {
    counterparty: 'Nordic Utility',
    instrumentId: DE_MONTH,
    side: 'buy',
    price: 60,
    quantity: 20,
    deliveryStart: '2026-11-01T00:00:00+01:00',
    deliveryEnd: '2026-12-01T00:00:00+01:00',
    ...over,
  };
}
