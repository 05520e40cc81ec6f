import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { readFixture } from './adapters/recorded-fetch.js';
import type { Tick } from './domain/tick.js';
import { TICKS_TOPIC, type TickBatchMessage } from './service-ingest.js';

let t: TestApp;
let analyst: string;
let trader: string;
beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 5, 1, 8)) });
  analyst = (await login(t.app, 'analyst')).token;
  trader = (await login(t.app, 'trader')).token;
});
afterAll(() => t.close());

const H = 'PWR-DE-LU-DA-H';
const ingest = (token: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/market-data/ticks',
    headers: bearer(token),
    payload,
  });
const quote = async (id: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/market-data/quotes?instruments=${id}`,
      headers: bearer(trader),
    })
  ).json<{
    items: { instrumentId: string; time: string; price: number; volume: number }[];
  }>().items;

describe('tick ingest API', () => {
  it('stores a batch once, however often it is sent, and publishes only new ticks', async () => {
    const seen: Tick[] = [];
    const off = await t.platform.bus.subscribe(TICKS_TOPIC, (m) =>
      seen.push(...(m as TickBatchMessage).ticks),
    );
    const ticks = [
      { instrumentId: H, time: '2026-01-05T10:00:00Z', price: 81.5, volume: 10 },
      { instrumentId: H, time: '2026-01-05T10:30:00Z', price: 83.25, volume: 5 },
    ];
    const first = await ingest(analyst, { ticks });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ accepted: 2, stored: 2, rejected: [] });
    const again = await ingest(analyst, { ticks });
    expect(again.json()).toEqual({ accepted: 2, stored: 0, rejected: [] });
    await off();
    expect(seen.map((m) => m.price).sort()).toEqual([81.5, 83.25]);
    expect(seen[0]).toMatchObject({
      deliveryStart: Date.parse('2026-01-05T10:00:00Z'),
      deliveryEnd: Date.parse('2026-01-05T11:00:00Z'),
    });
    expect(await quote(H)).toEqual([
      { instrumentId: H, time: '2026-01-05T10:30:00.000Z', price: 83.25, volume: 5 },
    ]);
  });

  it('refuses a batch with bad rows, naming every row and rule, and stores none of it', async () => {
    const res = await ingest(analyst, {
      ticks: [
        { instrumentId: 'PWR-FR-DA-H', time: '2026-02-01T00:00:00Z', price: 50, volume: 1 },
        { instrumentId: 'PWR-XX-DA-H', time: '2026-02-01T00:00:00Z', price: 50, volume: 1 },
        { instrumentId: 'PWR-FR-DA-H', time: '2026-02-01T01:00:00Z', price: 'NaN', volume: -3 },
        { instrumentId: 'PWR-FR-FUT-M-BASE', time: '2026-02-01T01:00:00Z', price: 60, volume: 1 },
        { instrumentId: 'PWR-FR-DA-H', time: 'yesterday', price: null, volume: 1 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json<{ errors: { field: string; rule: string }[] }>().errors;
    expect(errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      'ticks.1.instrumentId:known_instrument',
      'ticks.2.price:finite',
      'ticks.2.volume:non_negative',
      'ticks.3.delivery:required',
      'ticks.4.price:finite',
      'ticks.4.time:valid_instant',
    ]);
    expect(await quote('PWR-FR-DA-H')).toEqual([]);
  });

  it('keeps the good rows and reports the bad ones when partial acceptance is asked for', async () => {
    const res = await ingest(analyst, {
      partial: true,
      ticks: [
        { instrumentId: 'PWR-NL-DA-H', time: '2026-02-01T00:10:00Z', price: -5.5, volume: 2 },
        { instrumentId: 'PWR-NL-DA-H', time: '2026-02-01T00:20:00Z', price: 'Infinity', volume: 2 },
        {
          instrumentId: 'PWR-NL-FUT-M-BASE',
          time: '2026-04-02T09:00:00Z',
          price: 70,
          volume: 1,
          deliveryStart: '2026-02-28T23:00:00Z',
          deliveryEnd: '2026-03-31T22:00:00Z',
        },
      ],
    });
    expect(res.statusCode).toBe(207);
    expect(res.json()).toMatchObject({
      accepted: 1,
      stored: 1,
      rejected: [
        { row: 1, field: 'ticks.1.price', rule: 'finite' },
        { row: 2, field: 'ticks.2.time', rule: 'within_delivery_period' },
      ],
    });
    expect((await quote('PWR-NL-DA-H'))[0]?.price).toBe(-5.5);
  });

  it('stores term products with their delivery period and ticks in several months', async () => {
    const res = await ingest(analyst, {
      ticks: [
        {
          instrumentId: 'PWR-NL-FUT-M-BASE',
          time: '2025-12-15T09:00:00Z',
          price: 71,
          volume: 1,
          deliveryStart: '2025-12-31T23:00:00Z',
          deliveryEnd: '2026-01-31T23:00:00Z',
        },
        {
          instrumentId: 'PWR-NL-FUT-M-BASE',
          time: '2026-01-15T09:00:00Z',
          price: 72,
          volume: 1,
          deliveryStart: '2026-01-31T23:00:00Z',
          deliveryEnd: '2026-02-28T23:00:00Z',
        },
      ],
    });
    expect(res.json()).toMatchObject({ accepted: 2, stored: 2 });
    expect((await quote('PWR-NL-FUT-M-BASE'))[0]).toMatchObject({
      time: '2026-01-15T09:00:00.000Z',
      price: 72,
    });
  });

  it('imports the platform tick CSV, keeping the good rows when asked', async () => {
    const csv = readFixture('ticks.csv');
    const strict = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/ticks/import',
      headers: bearer(analyst),
      payload: { csv },
    });
    expect(strict.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/ticks/import',
      headers: bearer(analyst),
      payload: { csv, partial: true },
    });
    expect(res.statusCode).toBe(207);
    const report = res.json<{ accepted: number; stored: number; rejected: { field: string }[] }>();
    expect(report.stored).toBe(report.accepted);
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.rejected.map((r) => r.field)).toContain('ticks.2.time');
    expect((await quote('PWR-DE-LU-DA-H')).length).toBe(1);
  });

  it('lets a trader read prices but not write them', async () => {
    const res = await ingest(trader, {
      ticks: [{ instrumentId: H, time: '2026-01-05T11:00:00Z', price: 1, volume: 1 }],
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
    expect(anonymous.statusCode).toBe(401);
  });
});
