import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { hourlyWalk, ingestCloses } from '../modules/risk/test-support.js';
import { ManualClock } from '../platform/clock.js';
import {
  ADMIN_PASSWORD,
  bearer,
  DEMO_PASSWORD,
  login,
  startTestApp,
  type TestApp,
} from '../test-support/harness.js';
import {
  DEMO_BOOKS,
  DEMO_COUNTERPARTIES,
  DEMO_DEALS,
  DEMO_LIMITS,
  DEMO_OPTIONS,
  type DemoDelivery,
} from './desk-data.js';
import { demoDeliveryPeriod } from './seed-desk.js';

const NOW = Date.UTC(2026, 11, 3, 8);
// One secret for both starts: the keys module refuses a database sealed under another.
const ENV = { DEMO_MODE: 'true', DEMO_DESK: 'on', JWT_SECRET: randomBytes(32).toString('hex') };

interface Counterparties {
  items: { name: string; openDeals: number; totalExposure: number; creditLimit: number | null }[];
}
interface Limits {
  items: { name: string; utilisation: { book: string | null; utilisation: number }[] }[];
}

/** Front contracts' closes, at the demo market's levels, so VaR has moves to work on. */
const HISTORY: { instrumentId: string; delivery: DemoDelivery; start: number; step: number }[] = [
  {
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
    delivery: { product: 'PWR-DE-LU-BASE', tenor: 'month', nth: 0 },
    start: 90,
    step: 1.2,
  },
  {
    instrumentId: 'PWR-DE-LU-FUT-Q-BASE',
    delivery: { product: 'PWR-DE-LU-BASE', tenor: 'quarter', nth: 0 },
    start: 84,
    step: 0.9,
  },
  {
    instrumentId: 'GAS-TTF-FUT-M',
    delivery: { product: 'GAS-TTF', tenor: 'month', nth: 0 },
    start: 38,
    step: 0.5,
  },
  {
    instrumentId: 'EUA-FUT-DEC',
    delivery: { product: 'EUA-DEC', tenor: 'december', nth: 1 },
    start: 73,
    step: 0.6,
  },
];

describe('the demo desk', () => {
  let t: TestApp;
  let risk: Record<string, string>;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: risk });

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW), env: ENV });
    risk = bearer((await login(t.app, 'risk')).token);
    const admin = bearer((await login(t.app, 'admin')).token);
    for (const [i, h] of HISTORY.entries()) {
      const front = demoDeliveryPeriod(h.instrumentId, h.delivery, NOW);
      const closes = hourlyWalk(11 + i, 200, h.start, h.step, NOW);
      await ingestCloses(t.app, admin, h.instrumentId, closes, {
        deliveryStart: new Date(front.start).toISOString(),
        deliveryEnd: new Date(front.end).toISOString(),
      });
    }
  });
  afterAll(async () => t?.close());

  it('is off in tests unless asked for', async () => {
    const plain = await startTestApp({ clock: new ManualClock(NOW) });
    try {
      const asRisk = bearer((await login(plain.app, 'risk')).token);
      const res = await plain.app.inject({
        method: 'GET',
        url: '/api/v1/portfolio/counterparties',
        headers: asRisk,
      });
      expect(res.json<Counterparties>().items).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('gives every counterparty its agreement, limit, deals and a credit exposure', async () => {
    const { items } = (await get('/api/v1/portfolio/counterparties')).json<Counterparties>();
    expect(items.map((c) => c.name).sort()).toEqual(DEMO_COUNTERPARTIES.map((c) => c.name).sort());
    expect(items.reduce((n, c) => n + c.openDeals, 0)).toBe(DEMO_DEALS.length);
    for (const c of items) {
      expect(c.totalExposure, c.name).toBeGreaterThan(0);
      expect(c.creditLimit, c.name).toBeGreaterThan(c.totalExposure);
    }
  });

  it('shows a non-zero desk VaR by history and by the normal model', async () => {
    for (const method of ['historical', 'parametric']) {
      const res = await get(`/api/v1/risk/var?method=${method}&confidence=0.99&horizonDays=1`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ var: number; positions: number }>();
      expect(body.var, method).toBeGreaterThan(0);
      expect(body.positions, method).toBeGreaterThan(0);
    }
  });

  it('moves the stress scenarios and holds its options', async () => {
    const stress = (await get('/api/v1/risk/stress')).json<{ results: { totalPnl: number }[] }>();
    expect(stress.results.length).toBeGreaterThan(0);
    expect(stress.results.some((r) => r.totalPnl !== 0)).toBe(true);
    const options = (await get('/api/v1/risk/options')).json<{ items: unknown[] }>();
    expect(options.items).toHaveLength(DEMO_OPTIONS.length);
  });

  it('sets a limit that sits between half used and breached', async () => {
    const { items } = (await get('/api/v1/risk/limits')).json<Limits>();
    const used = items.flatMap((l) => l.utilisation.map((u) => u.utilisation));
    expect(used.some((u) => u > 0.5 && u < 1)).toBe(true);
    // The generation book's cap is set from its own sales, at three quarters used.
    const cap = items.find((l) => l.name === DEMO_LIMITS.position.name)!;
    expect(cap.utilisation).toEqual([
      expect.objectContaining({ book: 'gen-hedge', utilisation: expect.closeTo(0.75, 3) }),
    ]);
  });

  it('lets each book see its own deals', async () => {
    for (const book of DEMO_BOOKS) {
      const asBook = bearer((await login(t.app, book.username)).token);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/deals', headers: asBook });
      const mine = DEMO_DEALS.filter((d) => d.book === book.username).length;
      expect(res.json<{ items: unknown[] }>().items, book.username).toHaveLength(mine);
    }
  });

  it('adds nothing when the app starts again on the same database', async () => {
    const before = (await get('/api/v1/portfolio/counterparties')).json<Counterparties>();
    const limitsBefore = (await get('/api/v1/risk/limits')).json<Limits>().items.length;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: 'memory',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      ...ENV,
    });
    const again = await buildApp({
      config,
      platform: t.platform,
      jwtSecrets: [config.JWT_SECRET!],
      clock: new ManualClock(NOW),
      logger: false,
      seed: { adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD },
    });
    try {
      await again.ready();
      const asRisk = bearer((await login(again, 'risk')).token);
      const read = (url: string) => again.inject({ method: 'GET', url, headers: asRisk });
      const after = (await read('/api/v1/portfolio/counterparties')).json<Counterparties>();
      expect(after.items.map((c) => [c.name, c.openDeals])).toEqual(
        before.items.map((c) => [c.name, c.openDeals]),
      );
      expect((await read('/api/v1/risk/limits')).json<Limits>().items).toHaveLength(limitsBefore);
      expect((await read('/api/v1/risk/options')).json<{ items: unknown[] }>().items).toHaveLength(
        DEMO_OPTIONS.length,
      );
    } finally {
      await again.close();
    }
  });
});
