import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp } from '../../test-support/harness.js';
import { createForecastingModule } from './index.js';
import { nordPoolSlice } from './test-data.js';
import { createTrainingHold } from './training-runner.js';

/**
 * Fitting runs on a worker thread. The hold stops the worker after its first test day,
 * blocking that thread as a long synchronous fit would; if the fit ran on the event loop,
 * nothing below could answer until it was released.
 */
async function appWithHeldTraining() {
  const hold = createTrainingHold();
  const forecasting = createForecastingModule({ hold });
  const t = await startTestApp({ modules: [forecasting.register] });
  const analyst = (await login(t.app, 'analyst')).token;
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/forecasting/datasets',
    headers: bearer(analyst),
    payload: { name: 'NP', market: 'NP', csv: nordPoolSlice(40) },
  });
  const train = await t.app.inject({
    method: 'POST',
    url: '/api/v1/forecasting/models',
    headers: bearer(analyst),
    payload: {
      datasetId: upload.json<{ id: string }>().id,
      kind: 'lear',
      calibrationWindows: [28],
      testDays: 8,
    },
  });
  expect(train.statusCode).toBe(202);
  return { t, hold, forecasting, analyst, jobId: train.json<{ jobId: string }>().jobId };
}

describe('training off the event loop', () => {
  let app: Awaited<ReturnType<typeof appWithHeldTraining>>;
  beforeAll(async () => {
    app = await appWithHeldTraining();
  });
  afterAll(() => app.t.close());

  it('answers requests while a model is being fitted, and finishes the job once the fit goes on', async () => {
    const { t, hold, forecasting, analyst, jobId } = app;
    await hold.reached();
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const during = await t.app.inject({
      url: `/api/v1/forecasting/jobs/${jobId}`,
      headers: bearer(analyst),
    });
    expect(during.json()).toMatchObject({ status: 'running', finishedAt: null });

    hold.release();
    await forecasting.trainingIdle();
    const after = await t.app.inject({
      url: `/api/v1/forecasting/jobs/${jobId}`,
      headers: bearer(analyst),
    });
    expect(after.json()).toMatchObject({ status: 'succeeded', progress: 1, error: null });
  });
});

describe('stopping the app during a fit', () => {
  it('terminates the worker instead of waiting for the fit', async () => {
    const { t, hold } = await appWithHeldTraining();
    await hold.reached();
    // The held worker never resumes: closing completes only if the worker is terminated.
    await t.close();
  });
});
