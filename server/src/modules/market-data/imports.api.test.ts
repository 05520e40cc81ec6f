import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, type TestApp } from '../../test-support/harness.js';
import { readFixture, recordedFetch } from './adapters/recorded-fetch.js';
import { parseDayAheadPrices } from './adapters/entsoe-documents.js';
import { startImportTestApp } from './imports-fixtures.js';

const ENTSOE_TOKEN = 'entsoe-3f9a1c2e-token';
const EIA_KEY = 'eia-7d41b0-key';
const param = (url: string, name: string) => new URL(url).searchParams.get(name);

// Recorded answers: DE-LU prices of 29 March 2026 and PJM demand of 6 January 2026; for
// anything else ENTSO-E has no data, and EIA refuses with a body that echoes the request.
const recorded = recordedFetch((url) => {
  if (url.startsWith('https://web-api.tp.entsoe.eu/')) {
    return param(url, 'documentType') === 'A44' && param(url, 'periodStart') === '202603282300'
      ? { body: readFixture('entsoe-a44-de-lu-2026-03-29.xml') }
      : { status: 400, body: readFixture('entsoe-acknowledgement-no-data.xml') };
  }
  if (url.startsWith('https://api.eia.gov/') && param(url, 'start') === '2026-01-06T06') {
    return { body: readFixture('eia-region-data-pjm-d.json') };
  }
  return { status: 403, body: `{"error":"API_KEY_INVALID for ${url}"}` };
});

let t: TestApp;
let admin: string;
let analyst: string;
let viewer: string;
const logLines: string[] = [];
const clock = new ManualClock(Date.UTC(2026, 2, 29, 10));

beforeAll(async () => {
  t = await startImportTestApp({
    clock,
    fetch: recorded.fetch,
    logger: { write: (line) => logLines.push(line) },
    env: {
      ENTSOE_API_TOKEN: ENTSOE_TOKEN,
      EIA_API_KEY: EIA_KEY,
      ENTSOE_ZONES: 'DE-LU',
      EIA_AREAS: 'PJM-WEST',
      MARKET_IMPORT_INTERVAL_MS: '86400000',
    },
  });
  await signInAll();
});

/** Tokens issued at a later clock look issued in the future (and are refused) once the clock goes back. */
async function signInAll() {
  admin = (await login(t.app, 'admin')).token;
  analyst = (await login(t.app, 'analyst')).token;
  viewer = (await login(t.app, 'viewer')).token;
}
afterAll(() => t.close());

const run = (source: string, token: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/market-data/imports/${source}/run`,
    headers: bearer(token),
  });

describe('scheduled market-data imports API', () => {
  it('lists every source, configured or not, without revealing keys', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/market-data/imports',
      headers: bearer(viewer),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toMatchObject([
      {
        source: 'entsoe',
        configured: true,
        targets: ['DE-LU'],
        lastRunAt: null,
        nextRunAt: '2026-03-29T10:00:10.000Z',
      },
      { source: 'eia', configured: true, targets: ['PJM-WEST'] },
      {
        source: 'openweathermap',
        configured: false,
        keyVariable: 'OPENWEATHERMAP_API_KEY',
        nextRunAt: null,
      },
    ]);
    expect(res.body).not.toContain(ENTSOE_TOKEN);
  });

  it('runs ENTSO-E now and stores day-ahead prices that the bars query returns, once however often it runs', async () => {
    const res = await run('entsoe', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      source: 'entsoe',
      lastRunAt: '2026-03-29T10:00:00.000Z',
      lastSuccessAt: '2026-03-29T10:00:00.000Z',
      lastRowsStored: 23,
      lastError: null,
      nextRunAt: '2026-03-30T10:00:00.000Z',
    });
    const url =
      '/api/v1/market-data/bars?instrument=PWR-DE-LU-DA-H&from=2026-03-28T23:00:00Z&to=2026-03-29T22:00:00Z&interval=1h';
    const bars = (await t.app.inject({ method: 'GET', url, headers: bearer(viewer) })).json();
    const published =
      parseDayAheadPrices(readFixture('entsoe-a44-de-lu-2026-03-29.xml'))[0]?.values ?? [];
    expect(bars.items.map((b: { close: number }) => b.close)).toEqual(
      published.map((v) => v.value),
    );

    const again = await run('entsoe', analyst);
    expect(again.json()).toMatchObject({ lastRowsStored: 0, totalRowsStored: 23, lastError: null });
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(viewer) })).json()).toEqual(
      bars,
    );
  });

  it('stores the EIA hours it got, reports the refused request and keeps the key out of status and log', async () => {
    clock.set(Date.UTC(2026, 0, 7, 15));
    await signInAll();
    const res = await run('eia', analyst);
    expect(res.statusCode).toBe(200);
    const status = res.json();
    expect(status).toMatchObject({
      lastRowsStored: 5,
      consecutiveFailures: 1,
      lastSuccessAt: null,
    });
    expect(status.lastError).toContain('PJM-WEST demand 2026-01-07: EIA answered 403');
    expect(status.lastError).toContain('api_key=***');
    expect(res.body).not.toContain(EIA_KEY);
    const load = await t.app.inject({
      method: 'GET',
      url: '/api/v1/market-data/load?area=PJM-WEST&from=2026-01-06T05:00:00Z&to=2026-01-07T05:00:00Z',
      headers: bearer(viewer),
    });
    expect(load.json().items.map((l: { load: number }) => l.load)).toEqual([
      88214, 86950, 86011, 85874, 86702,
    ]);
    expect(logLines.some((line) => line.includes('market-data import failed'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(EIA_KEY);
    expect(logLines.join('\n')).not.toContain(ENTSOE_TOKEN);
  });

  it('names an unknown source, and the variable that configures one that is not set up', async () => {
    const unknown = await run('nordpool', admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'import_source_not_found',
      errors: [{ field: 'source' }],
    });
    expect(unknown.json().detail).toContain('"nordpool"');
    const unconfigured = await run('openweathermap', admin);
    expect(unconfigured.statusCode).toBe(409);
    expect(unconfigured.json().detail).toContain('set OPENWEATHERMAP_API_KEY');
  });

  it('refuses a viewer who asks for a run', async () => {
    const res = await run('entsoe', viewer);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'permission_denied',
      permission: 'market-data:write',
    });
    const unauthenticated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/imports/entsoe/run',
    });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
