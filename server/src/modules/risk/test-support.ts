import type { FastifyInstance } from 'fastify';
import { bearer, createSecondTrader, login } from '../../test-support/harness.js';
import { crossOrders } from '../../test-support/orders.js';
import { createNormalSampler, createRandomSource } from './domain/index.js';

export const HOUR_MS = 3_600_000;

/** The demo trader, a second trader the admin creates, the risk manager and the admin. */
export async function riskDesk(app: FastifyInstance) {
  const admin = bearer((await login(app, 'admin')).token);
  await createSecondTrader(app, admin);
  return {
    admin,
    alice: bearer((await login(app, 'trader')).token),
    bob: bearer((await login(app, 'trader2')).token),
    risk: bearer((await login(app, 'risk')).token),
  };
}

/** A seeded random walk of hourly closes ending the hour before `end`, oldest first. */
export function hourlyWalk(
  seed: number,
  hours: number,
  start: number,
  step: number,
  end: number,
): { time: number; price: number }[] {
  const normals = createNormalSampler(createRandomSource(seed));
  const first = Math.floor(end / HOUR_MS) * HOUR_MS - hours * HOUR_MS;
  let price = start;
  return Array.from({ length: hours }, (_, i) => {
    price = Math.round((price + normals.next() * step) * 100) / 100;
    return { time: first + i * HOUR_MS + 60_000, price };
  });
}

/** Term contracts need their delivery period on every tick: July 2026 power, in Central European time. */
export const JULY_POWER = {
  deliveryStart: '2026-06-30T22:00:00Z',
  deliveryEnd: '2026-07-31T22:00:00Z',
};
/** The third quarter of 2026 for power, and July 2026 for gas (gas days start at 06:00). */
export const Q3_POWER = {
  deliveryStart: '2026-06-30T22:00:00Z',
  deliveryEnd: '2026-09-30T22:00:00Z',
};
export const JULY_GAS = {
  deliveryStart: '2026-07-01T04:00:00Z',
  deliveryEnd: '2026-08-01T04:00:00Z',
};

export async function ingestCloses(
  app: FastifyInstance,
  headers: Record<string, string>,
  instrumentId: string,
  closes: readonly { time: number; price: number }[],
  delivery: { deliveryStart: string; deliveryEnd: string } = JULY_POWER,
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/market-data/ticks',
    headers,
    payload: {
      ticks: closes.map((c) => ({
        instrumentId,
        time: new Date(c.time).toISOString(),
        price: c.price,
        volume: 1,
        ...delivery,
      })),
    },
  });
  if (res.statusCode !== 200)
    throw new Error(`ingest failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

/** Two traders cross at a price, so that `buyer` is long and `seller` short `quantity`. */
export async function cross(
  app: FastifyInstance,
  instrumentId: string,
  seller: Record<string, string>,
  buyer: Record<string, string>,
  price: number,
  quantity: number,
) {
  return crossOrders(app, { instrumentId, seller: seller, buyer: buyer, price, quantity });
}

/**
 * Asks until the answer satisfies `done`: with Redis the trade stream reaches the risk
 * module asynchronously. Bounded by attempts, never by time.
 */
export async function eventually<T>(
  ask: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 50,
): Promise<T> {
  let last = await ask();
  for (let i = 0; i < attempts && !done(last); i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await ask();
  }
  return last;
}
