import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';

// Figures outside the accepted ranges (domain/ranges.ts) are refused at ingest, naming
// the field, so no stored value can make an aggregate overflow for everyone after.
let t: TestApp;
let analyst: Record<string, string>;
let viewer: Record<string, string>;
const NL = 'PWR-NL-DA-H';

beforeAll(async () => {
  t = await startTestApp();
  analyst = bearer((await login(t.app, 'analyst')).token);
  viewer = bearer((await login(t.app, 'viewer')).token);
});
afterAll(() => t.close());

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: analyst, payload });
const tick = (over: Record<string, unknown>) => ({
  instrumentId: NL,
  time: '2026-06-10T10:15:00Z',
  price: 80,
  volume: 5,
  ...over,
});

function expectField(res: Awaited<ReturnType<typeof post>>, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('accepted ranges of market data', () => {
  it('refuses a tick priced at the largest double, or beyond a million EUR/MWh', async () => {
    expectField(
      await post('/api/v1/market-data/ticks', { ticks: [tick({ price: 1.7976931348623157e308 })] }),
      'ticks.0.price',
    );
    expectField(
      await post('/api/v1/market-data/ticks', { ticks: [tick({ price: -1_000_001 })] }),
      'ticks.0.price',
    );
    expectField(
      await post('/api/v1/market-data/ticks', {
        ticks: [tick({ volume: 1.7976931348623157e308 })],
      }),
      'ticks.0.volume',
    );
  });

  it('refuses tick times of 1e308 and 2^53+1 milliseconds, and years outside 1900 to 2200', async () => {
    for (const time of [
      1e308,
      2 ** 53 + 1,
      -1e15,
      '2250-01-01T00:00:00Z',
      '1800-01-01T00:00:00Z',
    ]) {
      expectField(
        await post('/api/v1/market-data/ticks', { ticks: [tick({ time })] }),
        'ticks.0.time',
      );
    }
  });

  it('refuses a forward curve marked at 1.8e308', async () => {
    // 1.8e308 is beyond a double: JSON can carry it, JavaScript only as Infinity.
    const body = JSON.stringify({
      id: 'PWR-DE-LU-BASE',
      instrumentId: 'PWR-DE-LU-FUT-M-BASE',
      asOf: '2026-06-10',
      points: [{ tenor: 'month', year: 2026, index: 7, price: 0 }],
    }).replace('"price":0', '"price":1.8e308');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/curves',
      headers: { ...analyst, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toMatch(/points\.0\.price/);
  });

  it('answers an unreadable tick or settlement upload with 400 naming the csv, not a 503', async () => {
    expectField(await post('/api/v1/market-data/ticks/import', { csv: 'abc' }), 'csv');
    expectField(await post('/api/v1/market-data/settlements/import', { csv: 'abc' }), 'csv');
  });

  it('rejects a settlement price beyond its range by row', async () => {
    const csv = [
      'trade_date,product_code,delivery_start,delivery_end,settlement_price,currency,unit',
      '2026-06-10,DEBM,2026-07-01,2026-07-31,1e308,EUR,MWh',
    ].join('\n');
    const res = await post('/api/v1/market-data/settlements/import', { csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      stored: 0,
      rejected: [expect.objectContaining({ field: 'settlement_price', rule: 'range' })],
    });
  });

  it('keeps answering hourly and daily bars to everyone after the attempts', async () => {
    expect((await post('/api/v1/market-data/ticks', { ticks: [tick({})] })).statusCode).toBe(200);
    for (const interval of ['1h', '1d', '15m']) {
      const res = await t.app.inject({
        url: `/api/v1/market-data/bars?instrument=${NL}&from=2026-06-10T00:00:00Z&to=2026-06-11T00:00:00Z&interval=${interval}`,
        headers: viewer,
      });
      expect(res.statusCode, interval).toBe(200);
      expect(res.json().items).toEqual([expect.objectContaining({ high: 80, volume: 5 })]);
    }
  });
});
