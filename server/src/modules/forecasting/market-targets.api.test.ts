import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { marketDataReader, registerMarketData } from '../market-data/index.js';
import { parseMarketHistoryCsv, toMarketDays } from './dataset-csv.js';
import { forecastLearEnsemble } from './domain/lear.js';
import { historyBefore, HOURS } from './domain/market-days.js';
import { dailyNaive } from './domain/naive.js';
import { createForecastingModule } from './index.js';
import { nordPoolSlice } from './test-data.js';

/**
 * Market-data targets: the first 80 days of the Nord Pool file (1 January to 21 March
 * 2013, before the clocks change) stored as the Nordic day-ahead auction's hourly prices
 * and as Nordic load, with the desk's clock on the afternoon of 21 March.
 */
const DAYS = 80;
const HOUR = 3_600_000;
const INSTRUMENT = 'instrument:PWR-NORDIC-DA-H';
const LOAD = 'load:NORDIC';
// Oslo is an hour ahead of UTC in winter: local midnight of 1 January is 23:00 UTC the day before.
const OSLO_MIDNIGHT = Date.UTC(2012, 11, 31, 23);
const history = parseMarketHistoryCsv(nordPoolSlice(DAYS));
const market = toMarketDays(history);

let t: TestApp;
let analyst: string;
let trader: string;
const forecasting = createForecastingModule();

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function train(
  body: object,
): Promise<{ modelId: string; job: { status: string; error: string | null } }> {
  const res = await call(analyst, 'POST', '/api/v1/forecasting/models', body);
  expect(res.statusCode, res.body).toBe(202);
  const { jobId, modelId } = res.json<{ jobId: string; modelId: string }>();
  await forecasting.trainingIdle();
  return { modelId, job: (await call(trader, 'GET', `/api/v1/forecasting/jobs/${jobId}`)).json() };
}

const modelOf = async (target: string, id: string) =>
  (await call(trader, 'GET', `/api/v1/forecasting/models?target=${target}`))
    .json<{
      items: {
        id: string;
        trainingFrom: string;
        trainingTo: string;
        metrics: Record<string, number>;
      }[];
    }>()
    .items.find((m) => m.id === id)!;

const storedForecasts = async (target: string, modelId: string, from: string, to: string) =>
  (
    await call(
      trader,
      'GET',
      `/api/v1/forecasting/forecasts?target=${target}&modelId=${modelId}&from=${from}&to=${to}`,
    )
  ).json<{
    points: {
      deliveryDay: string;
      hour: number;
      value: number;
      actual: number | null;
      lower: number | null;
      upper: number | null;
    }[];
  }>().points;

beforeAll(async () => {
  t = await startTestApp({
    clock: new ManualClock(Date.UTC(2013, 2, 21, 15)),
    modules: [registerMarketData, forecasting.register],
  });
  analyst = (await login(t.app, 'analyst')).token;
  trader = (await login(t.app, 'trader')).token;
  const ticks = history.price.map((price, i) => ({
    instrumentId: 'PWR-NORDIC-DA-H',
    time: new Date(OSLO_MIDNIGHT + i * HOUR).toISOString(),
    price,
    volume: 0,
  }));
  const res = await call(analyst, 'POST', '/api/v1/market-data/ticks', { ticks });
  expect(res.json()).toMatchObject({ rejected: [] });
  // Market data has no load endpoint to write to (load arrives by scheduled import), so the
  // test stores it as the import would, naming only the columns it writes.
  await t.platform.dbs.db
    .withTables<{
      md_grid_actuals: {
        area: string;
        series: string;
        ts: Date;
        minutes: number;
        value: number;
        source: string;
      };
    }>()
    .insertInto('md_grid_actuals')
    .values(
      history.exogenous[0].map((value, i) => ({
        area: 'NORDIC',
        series: 'load',
        ts: new Date(OSLO_MIDNIGHT + i * HOUR),
        minutes: 60,
        value,
        source: 'test',
      })),
    )
    .execute();
});
afterAll(() => t.close());

describe('market data as forecast targets', () => {
  it('offers the day-ahead hourly instruments and the load of their areas, and no futures', async () => {
    const items = (await call(trader, 'GET', '/api/v1/forecasting/targets')).json<{
      items: { target: string; series: string; kinds: string[] }[];
    }>().items;
    expect(items).toContainEqual(
      expect.objectContaining({
        target: INSTRUMENT,
        series: 'price',
        kinds: ['naive', 'lear', 'mlp', 'ensemble'],
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ target: LOAD, series: 'load', kinds: ['naive', 'seasonal'] }),
    );
    expect(items.some((i) => i.target.includes('FUT'))).toBe(false);
  });

  it('reads load through the market-data reader, oldest first and half-open', async () => {
    const from = new Date(OSLO_MIDNIGHT + 24 * HOUR);
    const rows = await marketDataReader(t.platform.dbs.reader).load(
      'NORDIC',
      from,
      new Date(from.getTime() + 3 * HOUR),
    );
    expect(rows).toEqual(
      [0, 1, 2].map((k) => ({
        time: from.getTime() + k * HOUR,
        loadMw: history.exogenous[0][24 + k],
      })),
    );
  });
});

describe('price models on a day-ahead instrument', () => {
  let naiveId: string;

  it('trains the naive model on the stored auction prices, pinned to the latest complete days', async () => {
    const { modelId, job } = await train({ target: INSTRUMENT, kind: 'naive', testDays: 10 });
    naiveId = modelId;
    expect(job).toMatchObject({ status: 'succeeded', error: null });
    // 10 test days and the week the naive looks back, ending with 21 March.
    expect(await modelOf(INSTRUMENT, modelId)).toMatchObject({
      trainingFrom: '2013-03-05',
      trainingTo: '2013-03-21',
    });
    const points = await storedForecasts(INSTRUMENT, modelId, '2013-03-12', '2013-03-21');
    expect(points).toHaveLength(10 * HOURS);
    const expected = Array.from({ length: 10 }, (_, i) => [
      ...dailyNaive(market, DAYS - 10 + i),
    ]).flat();
    expect(points.map((p) => p.value)).toEqual(expected);
    expect(points.map((p) => p.actual)).toEqual(history.price.slice((DAYS - 10) * HOURS));
  });

  it('trains LEAR on the prices alone, as the same lasso on the file without its fundamentals', async () => {
    const { modelId, job } = await train({
      target: INSTRUMENT,
      kind: 'lear',
      calibrationWindows: [56],
      testDays: 8,
    });
    expect(job.status).toBe('succeeded');
    const pricesOnly = { ...market, exogenous: [] };
    const last = DAYS - 1;
    const direct = forecastLearEnsemble(historyBefore(pricesOnly, last), last, [56]).ensemble;
    const points = await storedForecasts(INSTRUMENT, modelId, '2013-03-21', '2013-03-21');
    expect(points.map((p) => p.value)).toEqual([...direct].map((v) => expect.closeTo(v, 6)));
  });

  it('refuses to train without enough history, naming the target and the days missing', async () => {
    const res = await call(analyst, 'POST', '/api/v1/forecasting/models', {
      target: INSTRUMENT,
      kind: 'lear',
      calibrationWindows: [84],
      testDays: 10,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'insufficient_history',
      target: INSTRUMENT,
      daysAvailable: 80,
      daysNeeded: 94,
      daysMissing: 14,
    });
    expect(res.json<{ detail: string }>().detail).toContain(
      `${INSTRUMENT} has 80 consecutive complete days of history up to 2013-03-21`,
    );
    const empty = await call(analyst, 'POST', '/api/v1/forecasting/models', {
      target: 'instrument:PWR-FR-DA-H',
      kind: 'naive',
      testDays: 8,
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'target', rule: 'history' })],
      daysMissing: 15,
    });
  });

  it('names the field of a target or model kind it cannot train', async () => {
    const attempt = (body: object) =>
      call(analyst, 'POST', '/api/v1/forecasting/models', { kind: 'naive', testDays: 8, ...body });
    const unknown = await attempt({ target: 'instrument:PWR-XX-DA-H' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'instrument_not_found',
      errors: [expect.objectContaining({ field: 'target' })],
    });
    const future = await attempt({ target: 'instrument:PWR-DE-LU-FUT-M-BASE' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'target', rule: 'day_ahead_hourly' })],
    });
    const seasonalPrice = await attempt({ target: INSTRUMENT, kind: 'seasonal' });
    expect(seasonalPrice.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'kind', rule: 'target_series' })],
    });
    const both = await attempt({
      target: INSTRUMENT,
      datasetId: '0b8f0c52-5a3e-4a8e-9a51-1f2d3c4b5a69',
    });
    expect(both.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'target' })],
    });
    expect((await attempt({ target: 'load:ATLANTIS' })).json()).toMatchObject({
      status: 404,
      code: 'load_area_not_found',
    });
    expect((await attempt({ target: 'weather:OSLO' })).json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'target', rule: 'format' })],
    });
  });

  it('forecasts the auction of tomorrow with the deployed model, before its prices exist', async () => {
    expect(
      (await call(analyst, 'POST', `/api/v1/forecasting/models/${naiveId}/deploy`)).statusCode,
    ).toBe(200);
    const res = await call(analyst, 'POST', '/api/v1/forecasting/forecast', {
      target: INSTRUMENT,
      day: '2013-03-22',
    });
    expect(res.statusCode, res.body).toBe(200);
    const hours = res.json<{
      modelId: string;
      hours: { value: number; lower: number; upper: number; actual: number | null }[];
    }>().hours;
    // 22 March 2013 was a Friday: the naive repeats Thursday.
    expect(hours.map((h) => h.value)).toEqual(history.price.slice((DAYS - 1) * HOURS));
    expect(hours.every((h) => h.actual === null && h.lower < h.value && h.value < h.upper)).toBe(
      true,
    );
  });

  it('refuses to forecast a day whose week before is not in market data, naming what is missing', async () => {
    const res = await call(analyst, 'POST', '/api/v1/forecasting/forecast', {
      modelId: naiveId,
      day: '2013-01-05',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ daysAvailable: 4, daysNeeded: 7, daysMissing: 3 });
  });
});

describe('load models', () => {
  it('trains the seasonal model on load actuals and forecasts tomorrow with intervals', async () => {
    const { modelId, job } = await train({
      target: LOAD,
      kind: 'seasonal',
      calibrationWindows: [56],
      testDays: 10,
    });
    expect(job).toMatchObject({ status: 'succeeded', error: null });
    const model = await modelOf(LOAD, modelId);
    expect(model.metrics).toMatchObject({ mae: expect.any(Number), coverage: expect.any(Number) });
    // Nordic load is tens of gigawatts; a useful day-ahead forecast is within a few per cent.
    expect(model.metrics.mae! / 50_000).toBeLessThan(0.05);
    expect(
      (await call(analyst, 'POST', `/api/v1/forecasting/models/${modelId}/deploy`)).statusCode,
    ).toBe(200);
    const res = await call(analyst, 'POST', '/api/v1/forecasting/forecast', {
      target: LOAD,
      day: '2013-03-22',
    });
    expect(res.statusCode, res.body).toBe(200);
    const hours = res.json<{ hours: { value: number; lower: number; upper: number }[] }>().hours;
    expect(hours).toHaveLength(HOURS);
    expect(hours.every((h) => h.lower < h.value && h.value < h.upper && h.value > 20_000)).toBe(
      true,
    );
  });

  it('trains the seasonal model on the load column of an uploaded data set', async () => {
    const upload = await call(analyst, 'POST', '/api/v1/forecasting/datasets', {
      name: 'NP winter',
      market: 'NP',
      csv: nordPoolSlice(DAYS),
    });
    const target = `dataset-load:${upload.json<{ id: string }>().id}`;
    const { modelId, job } = await train({
      target,
      kind: 'seasonal',
      calibrationWindows: [56],
      testDays: 8,
    });
    expect(job.status).toBe('succeeded');
    const points = await storedForecasts(target, modelId, '2013-03-21', '2013-03-21');
    expect(points.map((p) => p.actual)).toEqual(history.exogenous[0].slice((DAYS - 1) * HOURS));
  });

  it('refuses the load of a data set that has no load column', async () => {
    const csv = nordPoolSlice(20).replace('Grid load forecast', 'Hydro reservoir');
    const upload = await call(analyst, 'POST', '/api/v1/forecasting/datasets', {
      name: 'no load',
      market: 'NP',
      csv,
    });
    const res = await call(analyst, 'POST', '/api/v1/forecasting/models', {
      target: `dataset-load:${upload.json<{ id: string }>().id}`,
      kind: 'seasonal',
      testDays: 8,
    });
    expect(res.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'target', rule: 'load_column' })],
    });
  });
});
