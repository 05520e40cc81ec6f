import type { ModuleContext } from '../../platform/module.js';
import { createDatasetRepo } from './repo-datasets.js';
import { createForecastRepo } from './repo-forecasts.js';
import { createJobRepo } from './repo-jobs.js';
import { createModelRepo } from './repo-models.js';
import { registerForecastingRoutes } from './routes.js';
import { createCompareService } from './service-compare.js';
import { createDatasetService } from './service-datasets.js';
import { createForecastService } from './service-forecasts.js';
import { createTrainingService } from './service-training.js';
import { createTargetSeries } from './target-series.js';
import { createTrainingQueue, type TrainingQueue } from './training-queue.js';
import { createWorkerFitter, type TrainingHold } from './training-runner.js';

export { PUBLISHED_RESULTS, type PublishedResult } from './published-benchmark.js';
export { findPriceSpikes } from './domain/anomalies.js';

export interface ForecastingOptions {
  /** Worker threads fitting models at once (training jobs and on-demand forecasts). */
  fitThreads?: number;
  /** Tests only: hold every fit after its first day (see training-runner.ts). */
  hold?: TrainingHold;
}

/**
 * The forecasting module: targets (uploaded data sets, day-ahead instruments and load
 * from market data), a model registry trained by walk-forward jobs on worker threads,
 * deployment, serving of day-ahead forecasts and comparison of model versions.
 * `trainingIdle()` resolves once the last registered app has no job queued or running.
 */
export function createForecastingModule(opts: ForecastingOptions = {}) {
  let queue: TrainingQueue | undefined;

  async function register(ctx: ModuleContext): Promise<void> {
    const { dbs } = ctx.platform;
    const datasets = createDatasetRepo();
    const models = createModelRepo();
    const jobs = createJobRepo();
    const forecasts = createForecastRepo();
    const targets = createTargetSeries({ datasets, clock: ctx.clock });
    const fitter = createWorkerFitter({ maxThreads: opts.fitThreads, hold: opts.hold });

    const trainingQueue = createTrainingQueue(
      (jobId, signal) => training.runJob(jobId, signal),
      (error, jobId) => ctx.app.log.error({ err: error, jobId }, 'training job failed'),
    );
    queue = trainingQueue;
    const training = createTrainingService(
      { dbs, targets, models, jobs, forecasts, fitter, clock: ctx.clock },
      trainingQueue,
    );
    ctx.onClose(() => trainingQueue.stop());

    const interrupted = await training.failInterruptedJobs();
    if (interrupted > 0)
      ctx.app.log.warn(
        { jobs: interrupted },
        'training jobs interrupted by the last stop were marked failed',
      );

    registerForecastingRoutes(ctx.app, {
      dbs,
      datasets: createDatasetService({ dbs, datasets }),
      training,
      forecasts: createForecastService({ dbs, targets, models, forecasts, fitter }),
      compare: createCompareService({ dbs, models, forecasts, targets }),
      models,
      jobs,
    });
  }

  return { register, trainingIdle: () => queue?.idle() ?? Promise.resolve() };
}

export const registerForecasting = createForecastingModule().register;
