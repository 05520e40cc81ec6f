import type { ModuleContext } from '../../platform/module.js';
import { createDatasetRepo } from './repo-datasets.js';
import { createForecastRepo } from './repo-forecasts.js';
import { createJobRepo } from './repo-jobs.js';
import { createModelRepo } from './repo-models.js';
import { registerForecastingRoutes } from './routes.js';
import { createDatasetService } from './service-datasets.js';
import { createForecastService } from './service-forecasts.js';
import { createTrainingService } from './service-training.js';
import { createTrainingQueue } from './training-queue.js';

export { PUBLISHED_RESULTS, type PublishedResult } from './published-benchmark.js';

/**
 * The forecasting module: uploaded market histories, a model registry trained by
 * walk-forward jobs in the background, deployment and serving of day-ahead forecasts.
 */
export async function registerForecasting(ctx: ModuleContext): Promise<void> {
  const { dbs } = ctx.platform;
  const datasets = createDatasetRepo();
  const models = createModelRepo();
  const jobs = createJobRepo();
  const forecasts = createForecastRepo();

  const queue = createTrainingQueue(
    (jobId, signal) => training.runJob(jobId, signal),
    (error, jobId) => ctx.app.log.error({ err: error, jobId }, 'training job failed'),
  );
  const training = createTrainingService({ dbs, datasets, models, jobs, forecasts, clock: ctx.clock }, queue);
  ctx.onClose(() => queue.stop());

  const interrupted = await training.failInterruptedJobs();
  if (interrupted > 0) ctx.app.log.warn({ jobs: interrupted }, 'training jobs interrupted by the last stop were marked failed');

  registerForecastingRoutes(ctx.app, {
    dbs,
    datasets: createDatasetService({ dbs, datasets }),
    training,
    forecasts: createForecastService({ dbs, datasets, models, forecasts }),
    models,
    jobs,
  });
}
