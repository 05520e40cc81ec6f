import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { parseMarketHistoryCsv } from './dataset-csv.js';
import { dieboldMariano } from './domain/diebold-mariano.js';
import { createForecastingModule } from './index.js';
import { createModelRepo } from './repo-models.js';
import { nordPoolSlice } from './test-data.js';

let t: TestApp;
let analyst: string;
let trader: string;
let target: string;
let naiveId: string;
let learId: string;
const DAYS = 120;
const history = parseMarketHistoryCsv(nordPoolSlice(DAYS));
const forecasting = createForecastingModule();

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const compare = (query: string) => call(trader, 'GET', `/api/v1/forecasting/compare?${query}`);

async function trained(datasetId: string, body: object): Promise<string> {
  const res = await call(analyst, 'POST', '/api/v1/forecasting/models', { datasetId, ...body });
  expect(res.statusCode, res.body).toBe(202);
  await forecasting.trainingIdle();
  return res.json<{ modelId: string }>().modelId;
}

async function upload(name: string, days: number): Promise<string> {
  const res = await call(analyst, 'POST', '/api/v1/forecasting/datasets', {
    name,
    market: 'NP',
    csv: nordPoolSlice(days),
  });
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  t = await startTestApp({ modules: [forecasting.register] });
  analyst = (await login(t.app, 'analyst')).token;
  trader = (await login(t.app, 'trader')).token;
  const datasetId = await upload('NP 2013', DAYS);
  target = `dataset:${datasetId}`;
  naiveId = await trained(datasetId, { kind: 'naive', testDays: 20 });
  learId = await trained(datasetId, { kind: 'lear', calibrationWindows: [56, 84], testDays: 10 });
});
afterAll(() => t.close());

describe('Diebold-Mariano comparison of model versions', () => {
  it('tests the hours both versions forecast against the actual prices', async () => {
    const res = await compare(`a=${naiveId}&b=${learId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // The naive's 20 test days include LEAR's 10.
    expect(body).toMatchObject({
      target,
      loss: 'absolute',
      daysCompared: 10,
      hoursCompared: 240,
      from: '2013-04-21',
      to: '2013-04-30',
    });
    const stored = async (id: string) =>
      (
        await call(
          trader,
          'GET',
          `/api/v1/forecasting/forecasts?target=${target}&modelId=${id}&from=2013-04-21&to=2013-04-30`,
        )
      )
        .json<{ points: { value: number }[] }>()
        .points.map((p) => p.value);
    const actual = history.price.slice((DAYS - 10) * 24);
    const expected = dieboldMariano(actual, await stored(naiveId), await stored(learId), 1);
    expect(body.statistic).toBeCloseTo(expected.statistic, 9);
    expect(body.pValue).toBeCloseTo(expected.twoSidedPValue, 9);
    expect(body.pValueBBetter).toBeCloseTo(expected.pValueBBetter, 9);
    expect(body.a).toMatchObject({ modelId: naiveId, kind: 'naive', meanLoss: expect.any(Number) });
    expect(body.b).toMatchObject({ modelId: learId, kind: 'lear' });
    expect(body.better).toBe(body.pValue < 0.05 ? (body.statistic > 0 ? 'b' : 'a') : null);
  });

  it('uses squared errors when asked, and the same test with the versions swapped flips its sign', async () => {
    const squared = (await compare(`a=${naiveId}&b=${learId}&loss=squared`)).json();
    const swapped = (await compare(`a=${learId}&b=${naiveId}&loss=squared`)).json();
    expect(squared.loss).toBe('squared');
    expect(swapped.statistic).toBeCloseTo(-squared.statistic, 9);
    expect(swapped.a.meanLoss).toBeCloseTo(squared.b.meanLoss, 9);
  });

  it('names the field of a malformed, unknown or repeated id', async () => {
    expect((await compare(`a=42&b=${learId}`)).json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'a' })],
    });
    const unknown = await compare(`a=${naiveId}&b=0b8f0c52-5a3e-4a8e-9a51-1f2d3c4b5a69`);
    expect(unknown.json()).toMatchObject({
      status: 404,
      code: 'model_not_found',
      errors: [expect.objectContaining({ field: 'b' })],
    });
    expect((await compare(`a=${naiveId}&b=${naiveId}`)).json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'b', rule: 'distinct' })],
    });
    expect((await compare(`a=${naiveId}&b=${learId}&loss=cubic`)).json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'loss' })],
    });
  });

  it('refuses versions of different targets', async () => {
    const otherId = await trained(await upload('NP early', 60), { kind: 'naive', testDays: 8 });
    const res = await compare(`a=${naiveId}&b=${otherId}`);
    expect(res.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'b', rule: 'same_target' })],
    });
  });

  it('refuses versions that share no forecast days', async () => {
    const models = createModelRepo();
    const untrained = await t.platform.dbs.db.transaction().execute((trx) =>
      models.insert(trx, {
        target,
        kind: 'lear',
        features: [],
        calibrationWindows: [56],
        trainingFrom: '2013-01-01',
        trainingTo: '2013-04-30',
        testDays: 10,
        trainedBy: 'analyst',
      }),
    );
    const res = await compare(`a=${naiveId}&b=${untrained.id}`);
    expect(res.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'b', rule: 'overlap' })],
    });
  });

  it('is documented in the OpenAPI document with its query', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const parameters = doc.paths['/api/v1/forecasting/compare'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(parameters).toEqual(expect.arrayContaining(['a', 'b', 'loss']));
    expect(doc.paths['/api/v1/forecasting/targets'].get).toBeDefined();
  });

  it('lets a viewer compare, since it only reads', async () => {
    const viewer = (await login(t.app, 'viewer')).token;
    const res = await t.app.inject({
      url: `/api/v1/forecasting/compare?a=${naiveId}&b=${learId}`,
      headers: bearer(viewer),
    });
    expect(res.statusCode).toBe(200);
  });
});
