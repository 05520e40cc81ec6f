import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import {
  findProduct,
  listedContractsAt,
  periodContaining,
  standardCatalogue,
} from '../modules/market-data/index.js';
import {
  DEMO_BOOKS,
  DEMO_COUNTERPARTIES,
  DEMO_DEALS,
  DEMO_LIMITS,
  DEMO_OPTIONS,
  type DemoDeal,
  type DemoDelivery,
} from './desk-data.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * On by default in demo mode outside tests; a test turns it on with DEMO_DESK=on.
 * Never in production, whatever the flag says.
 */
export function demoDeskEnabled(config: Config): boolean {
  if (config.production || !config.demoMode) return false;
  return (config.DEMO_DESK ?? (config.NODE_ENV === 'test' ? 'off' : 'on')) === 'on';
}

type Headers = Record<string, string>;

/**
 * Seeds the demo desk through the API, as the desk's own people would: the admin opens
 * the books' accounts, the risk manager registers counterparties, options and limits,
 * each book's trader captures its deals. Going through the routes keeps every module's
 * checks (credit, compliance, validation) and audit trail in force. Runs once: a
 * database whose counterparty register or deal blotter has anything in it is left alone.
 * Returns the number of deals captured (0 when it did nothing).
 */
export async function seedDemoDesk(
  app: FastifyInstance,
  opts: { adminPassword: string; demoPassword: string; now: number },
): Promise<number> {
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    headers: Headers,
    payload?: object,
  ): Promise<{ status: number; body: unknown }> => {
    const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const expect = async (status: number, ...args: Parameters<typeof call>) => {
    const res = await call(...args);
    if (res.status !== status)
      throw new Error(
        `demo desk: ${args[0]} ${args[1]} answered ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body;
  };
  const signIn = async (username: string, password: string): Promise<Headers> => {
    const body = (await expect(200, 'POST', '/api/v1/auth/login', {}, { username, password })) as {
      accessToken: string;
    };
    return { authorization: `Bearer ${body.accessToken}` };
  };

  const risk = await signIn('risk', opts.demoPassword);
  const register = (await expect(200, 'GET', '/api/v1/portfolio/counterparties', risk)) as {
    items: unknown[];
  };
  if (register.items.length > 0) return 0;

  const admin = await signIn('admin', opts.adminPassword);
  for (const book of DEMO_BOOKS) {
    const res = await call('POST', '/api/v1/users', admin, {
      username: book.username,
      displayName: book.displayName,
      password: opts.demoPassword,
      roles: ['trader'],
    });
    // An account left by an earlier, interrupted seeding is reused.
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`demo desk: creating ${book.username} answered ${res.status}`);
  }
  for (const cp of DEMO_COUNTERPARTIES)
    await expect(201, 'POST', '/api/v1/portfolio/counterparties', risk, { ...cp, currency: 'EUR' });

  const traders = new Map<string, Headers>();
  for (const book of DEMO_BOOKS)
    traders.set(book.username, await signIn(book.username, opts.demoPassword));
  const captured = DEMO_DEALS.map((deal) => ({ deal, ...dealTerms(deal, opts.now) }));
  for (const { deal, quantity, deliveryStart, deliveryEnd } of captured)
    await expect(201, 'POST', '/api/v1/deals', traders.get(deal.book)!, {
      counterparty: deal.counterparty,
      instrumentId: deal.instrumentId,
      side: deal.side,
      price: deal.price,
      quantity,
      deliveryStart: new Date(deliveryStart).toISOString(),
      deliveryEnd: new Date(deliveryEnd).toISOString(),
    });

  for (const { expiresInDays, ...option } of DEMO_OPTIONS)
    await expect(201, 'POST', '/api/v1/risk/options', risk, {
      ...option,
      expiresAt: new Date(opts.now + expiresInDays * DAY_MS).toISOString(),
    });

  const { position, deskVar, utilisation } = DEMO_LIMITS;
  const held = captured
    .filter(
      ({ deal }) => deal.book === position.book && deal.instrumentId === position.instrumentId,
    )
    .reduce((sum, c) => sum + (c.deal.side === 'buy' ? c.quantity : -c.quantity), 0);
  if (held !== 0)
    await expect(201, 'POST', '/api/v1/risk/limits', risk, {
      ...position,
      kind: 'position',
      scope: 'book',
      threshold: Math.round(Math.abs(held) / utilisation),
      severity: 'soft',
    });
  const desk = (await expect(
    200,
    'GET',
    '/api/v1/risk/var?method=historical&confidence=0.99&horizonDays=1',
    risk,
  )) as { var: number };
  // Without price history yet there is no VaR to set a limit from.
  if (desk.var > 0)
    await expect(201, 'POST', '/api/v1/risk/limits', risk, {
      ...deskVar,
      kind: 'var',
      scope: 'desk',
      threshold: Math.round(desk.var / utilisation),
      severity: 'soft',
    });
  return captured.length;
}

/** The deal's delivery period and energy, from the contracts listed on the seeding day. */
function dealTerms(
  deal: DemoDeal,
  now: number,
): { quantity: number; deliveryStart: number; deliveryEnd: number } {
  const { start, end } = demoDeliveryPeriod(deal.instrumentId, deal.delivery, now);
  const hours = (end - start) / HOUR_MS;
  const energy = deal.delivery.product === 'EUA-DEC' ? deal.size : deal.size * hours;
  // Deals are booked in whole lots of the instrument, as the deal blotter requires.
  const lot = Number(standardCatalogue.get(deal.instrumentId).lotSize);
  const quantity = Math.max(1, Math.round(energy / lot)) * lot;
  return { quantity, deliveryStart: start, deliveryEnd: end };
}

/**
 * The instrument's own delivery period holding the listed contract (an EUA December
 * contract is its instrument's calendar year), so deals, ticks and curves agree on it.
 */
export function demoDeliveryPeriod(
  instrumentId: string,
  delivery: DemoDelivery,
  now: number,
): { start: number; end: number } {
  const contract = listed(delivery, now);
  const period = periodContaining(standardCatalogue.get(instrumentId), contract.deliveryStart);
  if (!period) throw new Error(`demo desk: ${instrumentId} has no period for ${contract.id}`);
  return { start: period.start, end: period.end };
}

function listed(delivery: DemoDelivery, now: number) {
  const product = findProduct(delivery.product);
  if (!product) throw new Error(`demo desk: unknown product ${delivery.product}`);
  const contract = listedContractsAt(product, now).filter((c) => c.tenor === delivery.tenor)[
    delivery.nth
  ];
  if (!contract)
    throw new Error(`demo desk: no ${delivery.tenor} ${delivery.nth} of ${delivery.product}`);
  return contract;
}
