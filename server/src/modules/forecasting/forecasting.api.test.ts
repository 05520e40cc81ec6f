import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { parseMarketHistoryCsv, toMarketDays } from './dataset-csv.js';
import { forecastLearEnsemble } from './domain/lear.js';
import { historyBefore, HOURS } from './domain/market-days.js';
import { meanAbsoluteError } from './domain/metrics.js';
import { dailyNaive } from './domain/naive.js';
import { createDatasetRepo } from './repo-datasets.js';
import { createForecastRepo } from './repo-forecasts.js';
import { createJobRepo } from './repo-jobs.js';
import { createModelRepo } from './repo-models.js';
import { createTrainingService } from './service-training.js';
import { createTargetSeries } from './target-series.js';
import { createWorkerFitter } from './training-runner.js';
import { nordPoolSlice } from './test-data.js';

let t: TestApp;
let analyst: string;
let trader: string;
let datasetId: string;
const DAYS = 120;
const TEST_DAYS = 10;
const csv = nordPoolSlice(DAYS);
const market = toMarketDays(parseMarketHistoryCsv(csv));

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

interface Job {
  status: string;
  progress: number;
  error: string | null;
}

async function trained(
  kind: string,
  calibrationWindows?: number[],
): Promise<{ modelId: string; job: Job }> {
  const res = await call(analyst, 'POST', '/api/v1/forecasting/models', {
    datasetId,
    kind,
    testDays: TEST_DAYS,
    calibrationWindows,
  });
  expect(res.statusCode).toBe(202);
  const { jobId, modelId } = res.json<{ jobId: string; modelId: string }>();
  for (;;) {
    const job = (await call(trader, 'GET', `/api/v1/forecasting/jobs/${jobId}`)).json<Job>();
    if (job.status === 'succeeded' || job.status === 'failed') return { modelId, job };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const modelsOf = async () =>
  (await call(trader, 'GET', `/api/v1/forecasting/models?target=dataset:${datasetId}`)).json<{
    items: {
      id: string;
      version: number;
      status: string;
      deployed: boolean;
      metrics: Record<string, number>;
    }[];
  }>().items;

beforeAll(async () => {
  t = await startTestApp();
  analyst = (await login(t.app, 'analyst')).token;
  trader = (await login(t.app, 'trader')).token;
  const res = await call(analyst, 'POST', '/api/v1/forecasting/datasets', {
    name: 'Nord Pool 2013',
    market: 'NP',
    csv,
  });
  expect(res.statusCode).toBe(201);
  datasetId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('forecasting data sets', () => {
  it('lists an uploaded data set with its date range', async () => {
    const items = (await call(trader, 'GET', '/api/v1/forecasting/datasets')).json<{
      items: object[];
    }>().items;
    expect(items).toContainEqual(
      expect.objectContaining({
        id: datasetId,
        target: `dataset:${datasetId}`,
        firstDate: '2013-01-01',
        lastDate: '2013-04-30',
        days: DAYS,
      }),
    );
  });

  it('refuses an upload from a trader, who may only read forecasts', async () => {
    const res = await call(trader, 'POST', '/api/v1/forecasting/datasets', {
      name: 'x',
      market: 'NP',
      csv,
    });
    expect(res.statusCode).toBe(403);
  });

  it('names the rule a malformed file breaks', async () => {
    const broken = csv
      .split('\n')
      .filter((_, i) => i !== 30)
      .join('\n');
    const res = await call(analyst, 'POST', '/api/v1/forecasting/datasets', {
      name: 'x',
      market: 'NP',
      csv: broken,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.body).toContain('whole_days');
  });
});

describe('training, deployment and serving', () => {
  let naiveId: string;
  let learId: string;

  it('trains a naive model in the background and stores its walk-forward MAE', async () => {
    const { modelId, job } = await trained('naive');
    naiveId = modelId;
    expect(job).toMatchObject({ status: 'succeeded', progress: 1, error: null });
    const first = DAYS - TEST_DAYS;
    const actual = market.price.slice(first * HOURS);
    const expected = new Float64Array(TEST_DAYS * HOURS);
    for (let i = 0; i < TEST_DAYS; i++) expected.set(dailyNaive(market, first + i), i * HOURS);
    const model = (await modelsOf()).find((m) => m.id === naiveId)!;
    expect(model.status).toBe('ready');
    expect(model.metrics.mae).toBeCloseTo(meanAbsoluteError(actual, expected), 9);
  });

  it('trains a small-window LEAR that recalibrates every test day', async () => {
    const { modelId, job } = await trained('lear', [56, 84]);
    learId = modelId;
    expect(job.status).toBe('succeeded');
    const model = (await modelsOf()).find((m) => m.id === learId)!;
    const lastDay = DAYS - 1;
    const res = await call(
      trader,
      'GET',
      `/api/v1/forecasting/forecasts?target=dataset:${datasetId}&modelId=${learId}&from=2013-04-30&to=2013-04-30`,
    );
    const points = res.json<{
      points: { value: number; actual: number; lower: number; upper: number }[];
    }>().points;
    const direct = forecastLearEnsemble(historyBefore(market, lastDay), lastDay, [56, 84]).ensemble;
    expect(points.map((p) => p.value)).toEqual([...direct].map((v) => expect.closeTo(v, 9)));
    expect(points.map((p) => p.actual)).toEqual([...market.price.subarray(lastDay * HOURS)]);
    expect(points.every((p) => p.lower <= p.value && p.value <= p.upper)).toBe(true);
    expect(model.metrics).toMatchObject({ intervalLevel: expect.closeTo(0.9, 9) });
    expect(Object.keys(model.metrics)).toEqual(
      expect.arrayContaining(['mae', 'rmae', 'smape', 'rmse', 'coverage']),
    );
  });

  it('keeps one deployed model per target', async () => {
    expect(
      (await call(analyst, 'POST', `/api/v1/forecasting/models/${naiveId}/deploy`)).statusCode,
    ).toBe(200);
    expect(
      (await call(analyst, 'POST', `/api/v1/forecasting/models/${learId}/deploy`)).statusCode,
    ).toBe(200);
    const deployed = (await modelsOf()).filter((m) => m.deployed).map((m) => m.id);
    expect(deployed).toEqual([learId]);
  });

  it('forecasts a new day with the deployed model, with intervals, and stores it', async () => {
    const day = '2013-04-15';
    const res = await call(analyst, 'POST', '/api/v1/forecasting/forecast', {
      target: `dataset:${datasetId}`,
      day,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      modelId: string;
      hours: { hour: number; value: number; lower: number; upper: number }[];
    }>();
    expect(body.modelId).toBe(learId);
    expect(body.hours.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(body.hours.every((h) => h.lower < h.value && h.value < h.upper)).toBe(true);
    const stored = (
      await call(
        trader,
        'GET',
        `/api/v1/forecasting/forecasts?target=dataset:${datasetId}&from=${day}&to=${day}`,
      )
    ).json<{ points: { value: number }[] }>();
    expect(stored.points.map((p) => p.value)).toEqual(body.hours.map((h) => h.value));
  });

  it('refuses a day before the model has enough history', async () => {
    const res = await call(analyst, 'POST', '/api/v1/forecasting/forecast', {
      modelId: learId,
      day: '2013-01-20',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('"field":"day"');
  });

  it('refuses to train when the test period leaves too little history', async () => {
    const res = await call(analyst, 'POST', '/api/v1/forecasting/models', {
      datasetId,
      kind: 'lear',
      calibrationWindows: [84],
      testDays: 60,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('testDays');
  });
});

describe('training after a restart', () => {
  it('fails the jobs and models a stopped process left open, so none stays training forever', async () => {
    const dbs = t.platform.dbs;
    const models = createModelRepo();
    const jobs = createJobRepo();
    const { model, job } = await dbs.db.transaction().execute(async (trx) => {
      const created = await models.insert(trx, {
        target: `dataset:${datasetId}`,
        kind: 'lear',
        features: [],
        calibrationWindows: [56],
        trainingFrom: '2013-01-01',
        trainingTo: '2013-04-30',
        testDays: 10,
        trainedBy: 'analyst',
      });
      const opened = await jobs.insert(trx, created.id);
      await jobs.start(trx, opened.id, new Date());
      return { model: created, job: opened };
    });
    // What registering the module does when the next process starts.
    const restarted = createTrainingService(
      {
        dbs,
        targets: createTargetSeries({ datasets: createDatasetRepo(), clock: t.clock }),
        models,
        jobs,
        forecasts: createForecastRepo(),
        fitter: createWorkerFitter(),
        clock: t.clock,
      },
      { enqueue: () => undefined },
    );
    expect(await restarted.failInterruptedJobs()).toBe(1);
    expect((await call(trader, 'GET', `/api/v1/forecasting/jobs/${job.id}`)).json()).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('interrupted'),
    });
    expect((await modelsOf()).find((m) => m.id === model.id)).toMatchObject({
      status: 'failed',
      deployed: false,
    });
    expect(
      (await call(analyst, 'POST', `/api/v1/forecasting/models/${model.id}/deploy`)).statusCode,
    ).toBe(409);
  });
});

describe('benchmark and anomalies', () => {
  it('serves the published epftoolbox figures with their source', async () => {
    const body = (await call(trader, 'GET', '/api/v1/forecasting/benchmark')).json<{
      citation: string;
      items: object[];
    }>();
    expect(body.citation).toContain('Applied Energy 293');
    expect(body.items).toContainEqual({
      market: 'NP',
      model: 'LEAR ensemble',
      mae: 1.738,
      rmae: 0.42,
      smape: 5.009,
      rmse: 3.362,
    });
  });

  it('flags a price spike and a stuck feed in a real price series', async () => {
    const prices = Array.from(market.price.subarray(0, 400));
    prices[250] = 900;
    for (let i = 300; i < 310; i++) prices[i] = 31.5;
    const res = await call(trader, 'POST', '/api/v1/forecasting/anomalies', { prices });
    const items = res.json<{ items: { index: number; kind: string }[] }>().items;
    expect(items).toContainEqual(expect.objectContaining({ index: 250, kind: 'spike' }));
    expect(items).toContainEqual(expect.objectContaining({ index: 300, kind: 'stuck_feed' }));
  });
});
