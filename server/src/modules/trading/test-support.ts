import type { FastifyInstance } from 'fastify';
import { bearer, createSecondTrader, login } from '../../test-support/harness.js';

/** Logs in the demo trader and a second trader the admin creates, for orders that cross. */
export async function twoTraders(app: FastifyInstance): Promise<{
  alice: Record<string, string>;
  bob: Record<string, string>;
  admin: Record<string, string>;
}> {
  const admin = bearer((await login(app, 'admin')).token);
  await createSecondTrader(app, admin);
  return {
    alice: bearer((await login(app, 'trader')).token),
    bob: bearer((await login(app, 'trader2')).token),
    admin,
  };
}

export const FUTURE = 'PWR-DE-LU-FUT-M-BASE';

let counter = 0;
export const limitOrder = (
  side: 'buy' | 'sell',
  price: number,
  quantity: number,
  extra: Record<string, unknown> = {},
) => ({
  clientOrderId: `t-${++counter}-${side}`,
  instrumentId: FUTURE as string,
  side,
  type: 'limit',
  price,
  quantity,
  timeInForce: 'GTC',
  ...extra,
});
