import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { registerMarketData } from './index.js';

// Monday 25 January 2027, 09:00 UTC.
const clock = new ManualClock(Date.UTC(2027, 0, 25, 9, 0, 0));

describe('products and their listed contracts', () => {
  let t: TestApp;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock, modules: [registerMarketData] });
    viewer = bearer((await login(t.app, 'viewer')).token);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = viewer) =>
    t.app.inject({ method: 'GET', url, headers });

  it('serves every product specification to any signed-in user', async () => {
    const res = await get('/api/v1/products');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { code: string }[] }>().items;
    expect(items.map((p) => p.code)).toEqual([
      'PWR-DE-LU-BASE',
      'PWR-DE-LU-PEAK',
      'PWR-FR-BASE',
      'GAS-TTF',
      'EUA-DEC',
      'BRENT',
    ]);
    expect(items[1]).toMatchObject({
      venue: 'EEX',
      mic: 'XEEE',
      lotSize: '1',
      quantityUnit: 'MW',
      profile: { kind: 'peak', weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 20 },
      lastTrading: { kind: 'business-days-before-delivery', days: 1 },
      cascade: { year: 'quarter', quarter: 'month' },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/products' })).statusCode).toBe(401);
  });

  it('lists a product’s contracts with delivery window, last trading day, hours and energy per lot', async () => {
    const res = await get('/api/v1/products/PWR-DE-LU-BASE/contracts?tenor=month');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ asOf: string; items: { id: string }[] }>();
    expect(body.asOf).toBe('2027-01-25');
    expect(body.items.map((c) => c.id).slice(0, 3)).toEqual([
      'PWR-DE-LU-BASE-2027-02',
      'PWR-DE-LU-BASE-2027-03',
      'PWR-DE-LU-BASE-2027-04',
    ]);
    expect(body.items[1]).toEqual({
      id: 'PWR-DE-LU-BASE-2027-03',
      tenor: 'month',
      period: '2027-03',
      firstDeliveryDay: '2027-03-01',
      lastDeliveryDay: '2027-03-31',
      deliveryStart: '2027-02-28T23:00:00.000Z',
      deliveryEnd: '2027-03-31T22:00:00.000Z',
      lastTradingDay: '2027-02-26',
      tradingEndsAt: '2027-02-26T17:00:00.000Z',
      deliveryHours: 743,
      energyPerLot: 743,
      energyUnit: 'MWh',
      status: 'trading',
      cascadesInto: [],
    });
  });

  it('lists for another trading day and says which contracts have stopped trading', async () => {
    const past = await get('/api/v1/products/GAS-TTF/contracts?asOf=2026-12-01&tenor=month');
    const items = past.json<{ items: { id: string; status: string }[] }>().items;
    expect(items[0]).toMatchObject({ id: 'GAS-TTF-2027-01', status: 'expired' });
    const ahead = await get('/api/v1/products/EUA-DEC/contracts?asOf=2028-01-10');
    expect(ahead.json<{ items: { id: string; energyPerLot: number }[] }>().items[0]).toMatchObject({
      id: 'EUA-DEC-2028',
      energyPerLot: 1000,
    });
    const later = await get('/api/v1/products/BRENT/contracts?asOf=2027-06-01');
    const brent = later.json<{ items: { id: string; status: string }[] }>().items;
    expect(brent.at(-1)?.status).toBe('not_yet_listed');
  });

  it('answers 404 for an unknown product and 400 naming the field for a bad query', async () => {
    const unknown = await get('/api/v1/products/PWR-XX-BASE/contracts');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'product_not_found' });
    for (const [query, field] of [
      ['asOf=2027-02-30', 'asOf'],
      ['asOf=tomorrow', 'asOf'],
      ['tenor=fortnight', 'tenor'],
    ] as const) {
      const res = await get(`/api/v1/products/PWR-DE-LU-BASE/contracts?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json()), query).toContain(field);
    }
    const long = await get(`/api/v1/products/${'X'.repeat(65)}/contracts`);
    expect(long.statusCode).toBe(400);
  });
});
