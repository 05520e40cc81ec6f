import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';

let t: TestApp;
let analyst: string;
let trader: string;
beforeAll(async () => {
  t = await startTestApp();
  analyst = (await login(t.app, 'analyst')).token;
  trader = (await login(t.app, 'trader')).token;
});
afterAll(() => t.close());

const mark = (asOf: string, janPrice: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/market-data/curves',
    headers: bearer(analyst),
    payload: {
      id: 'PWR-DE-LU-BASE',
      instrumentId: 'PWR-DE-LU-FUT-M-BASE',
      asOf,
      points: [
        { tenor: 'month', year: 2027, index: 1, price: janPrice },
        { tenor: 'quarter', year: 2027, index: 1, price: 90 },
        { tenor: 'year', year: 2028, index: 1, price: 80 },
      ],
    },
  });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(trader) });

type Curve = {
  asOf: string;
  points: { start: string; end: string; tenor: string; price: number }[];
};

describe('forward curves API', () => {
  it('keeps each as-of version and answers with the latest one on or before the date asked', async () => {
    expect((await mark('2026-11-02', 100)).statusCode).toBe(200);
    expect((await mark('2026-11-09', 104)).statusCode).toBe(200);
    const list = await get('/api/v1/market-data/curves');
    expect(list.json()).toEqual({
      items: [
        {
          id: 'PWR-DE-LU-BASE',
          instrumentIds: ['PWR-DE-LU-FUT-M-BASE'],
          commodity: 'power',
          area: 'DE-LU',
          asOfDates: ['2026-11-02', '2026-11-09'],
        },
      ],
    });
    const mid = (
      await get('/api/v1/market-data/curves/PWR-DE-LU-BASE?asOf=2026-11-05')
    ).json<Curve>();
    expect(mid.asOf).toBe('2026-11-02');
    expect(mid.points[0]).toEqual({
      start: '2026-12-31T23:00:00.000Z',
      end: '2027-01-31T23:00:00.000Z',
      tenor: 'month',
      price: 100,
    });
    expect(mid.points.map((p) => p.tenor)).toEqual(['month', 'quarter', 'year']);
    const late = (
      await get('/api/v1/market-data/curves/PWR-DE-LU-BASE?asOf=2026-12-01')
    ).json<Curve>();
    expect(late.points[0]?.price).toBe(104);
    const early = await get('/api/v1/market-data/curves/PWR-DE-LU-BASE?asOf=2026-10-01');
    expect(early.statusCode).toBe(404);
    expect(early.json().code).toBe('curve_not_found');
  });

  it('shapes the curve to hours without changing what each month is worth', async () => {
    const res = await get('/api/v1/market-data/curves/PWR-DE-LU-BASE?asOf=2026-11-02&shape=hourly');
    const hours = res.json<Curve>().points;
    // Jan–Mar 2027 from the month and the quarter, then twelve months of 2028.
    const january = hours.filter((h) => h.start >= '2026-12-31T23' && h.start < '2027-01-31T23');
    expect(january).toHaveLength(31 * 24);
    expect(january.reduce((s, h) => s + h.price, 0) / january.length).toBeCloseTo(100, 9);
    const march = hours.filter((h) => h.start >= '2027-02-28T23' && h.start < '2027-03-31T22');
    expect(march).toHaveLength(31 * 24 - 1);
    expect(new Set(january.map((h) => h.price.toFixed(6))).size).toBeGreaterThan(10);
    expect(hours.every((h) => h.tenor === 'hour')).toBe(true);
  });

  it('refuses a curve point outside its tenor and an unknown instrument', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/curves',
      headers: bearer(analyst),
      payload: {
        id: 'BAD',
        instrumentId: 'PWR-DE-LU-FUT-M-BASE',
        asOf: '2026-11-02',
        points: [{ tenor: 'quarter', year: 2027, index: 5, price: 1 }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'points.index', rule: 'range' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/curves',
      headers: bearer(analyst),
      payload: {
        id: 'BAD',
        instrumentId: 'NOPE',
        asOf: '2026-11-02',
        points: [{ tenor: 'month', year: 2027, index: 1, price: 1 }],
      },
    });
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'instrumentId',
      rule: 'known_instrument',
    });
  });
});
