import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../../platform/clock.js';
import type { Databases } from '../../platform/db/database.js';
import { DomainError, invalid, notFound } from '../../platform/errors.js';
import { addDays, toMarketDays } from './dataset-csv.js';
import { HOURS, historyBefore } from './domain/market-days.js';
import { evaluateWalkForward } from './evaluation.js';
import { dayAheadModel, DEFAULT_WINDOWS, featureNames, historyNeeded } from './model-kinds.js';
import type { DatasetRepo, StoredDataset } from './repo-datasets.js';
import type { ForecastRepo, HourlyForecast } from './repo-forecasts.js';
import type { JobRepo } from './repo-jobs.js';
import type { ModelRepo } from './repo-models.js';
import type { ModelKind } from './tables.js';
import { datasetIdOfTarget, datasetTarget } from './targets.js';
import type { TrainingQueue } from './training-queue.js';

export interface TrainingRequest {
  datasetId: string;
  kind: ModelKind;
  calibrationWindows?: number[] | undefined;
  testDays: number;
}

export interface TrainingDeps {
  dbs: Databases;
  datasets: DatasetRepo;
  models: ModelRepo;
  jobs: JobRepo;
  forecasts: ForecastRepo;
  clock: Clock;
}

/**
 * Training is a walk-forward: the model forecasts each of the last `testDays` days of
 * the data set from the days before it, recalibrating daily as a desk would, and its
 * errors on those days are the metrics and the conformal intervals it is registered with.
 */
export function createTrainingService(deps: TrainingDeps, queue: Pick<TrainingQueue, 'enqueue'>) {
  const { dbs } = deps;
  const now = () => new Date(deps.clock.now());

  async function requestTraining(request: TrainingRequest, trainedBy: string): Promise<{ jobId: string; modelId: string }> {
    const dataset = await deps.datasets.get(dbs.db, request.datasetId);
    if (dataset === undefined) throw notFound('data set', 'dataset_not_found');
    const windows = request.calibrationWindows ?? [...DEFAULT_WINDOWS[request.kind]];
    const needed = historyNeeded(request.kind, windows);
    const firstTestDay = dataset.days - request.testDays;
    if (firstTestDay < needed) {
      throw invalid('testDays', 'history', `${request.testDays} test days leave ${firstTestDay} days of history; this model needs at least ${needed}`);
    }
    const { model, job } = await dbs.db.transaction().execute(async (trx) => {
      const created = await deps.models.insert(trx, {
        target: datasetTarget(dataset.id),
        kind: request.kind,
        features: featureNames(request.kind, dataset.columns),
        calibrationWindows: windows,
        trainingFrom: addDays(dataset.firstDate, Math.max(0, firstTestDay - Math.max(...windows))),
        trainingTo: dataset.lastDate,
        testDays: request.testDays,
        trainedBy,
      });
      return { model: created, job: await deps.jobs.insert(trx, created.id) };
    });
    queue.enqueue(job.id);
    return { jobId: job.id, modelId: model.id };
  }

  async function runJob(jobId: string, signal: AbortSignal): Promise<void> {
    const job = await deps.jobs.get(dbs.db, jobId);
    const model = job && (await deps.models.get(dbs.db, job.modelId));
    if (job === undefined || model === undefined) return;
    try {
      await deps.jobs.start(dbs.db, jobId, now());
      const dataset = await deps.datasets.get(dbs.db, datasetIdOfTarget(model.target));
      if (dataset === undefined) throw notFound('data set', 'dataset_not_found');
      const forecast = await walkForwardWithProgress(dataset, model.kind, model.calibrationWindows, model.testDays, signal, (done, total) =>
        deps.jobs.progress(dbs.db, jobId, (0.95 * done) / total, `forecast ${done} of ${total} test days`),
      );
      const firstTestDay = dataset.days - model.testDays;
      const actual = Float64Array.from(dataset.price.slice(firstTestDay * HOURS));
      const evaluation = evaluateWalkForward(actual, forecast);
      const rows: HourlyForecast[] = Array.from(forecast, (value, i) => ({
        deliveryDay: addDays(dataset.firstDate, firstTestDay + Math.floor(i / HOURS)),
        hour: i % HOURS,
        value,
        lower: evaluation.lower[i]!,
        upper: evaluation.upper[i]!,
      }));
      await dbs.db.transaction().execute(async (trx) => {
        await deps.forecasts.upsert(trx, model.id, model.target, rows);
        await deps.models.markReady(trx, model.id, evaluation.metrics, evaluation.halfWidths);
        await deps.jobs.finish(trx, jobId, now(), null);
      });
    } catch (error) {
      const message = signal.aborted
        ? 'interrupted: the server stopped before the job finished'
        : error instanceof Error
          ? error.message
          : String(error);
      await dbs.db.transaction().execute(async (trx) => {
        await deps.models.markFailed(trx, [model.id]);
        await deps.jobs.finish(trx, jobId, now(), message);
      });
      if (!(error instanceof DomainError) && !signal.aborted) throw error;
    }
  }

  /** Jobs that were open when the process last stopped cannot resume; they are failed. */
  async function failInterruptedJobs(): Promise<number> {
    return dbs.db.transaction().execute(async (trx) => {
      const modelIds = await deps.jobs.failInterrupted(trx, now());
      await deps.models.markFailed(trx, modelIds);
      return modelIds.length;
    });
  }

  return { requestTraining, runJob, failInterruptedJobs };
}

/** Day by day, yielding to the event loop between days so that the API keeps answering. */
async function walkForwardWithProgress(
  dataset: StoredDataset,
  kind: ModelKind,
  windows: readonly number[],
  testDays: number,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<Float64Array> {
  const market = toMarketDays(dataset);
  const model = dayAheadModel(kind, windows);
  const firstDay = market.days - testDays;
  const forecast = new Float64Array(testDays * HOURS);
  const reportEvery = Math.max(1, Math.floor(testDays / 50));
  for (let i = 0; i < testDays; i++) {
    if (signal.aborted) throw new Error('interrupted');
    const day = firstDay + i;
    forecast.set(model.forecastDay(historyBefore(market, day), day)[0]!, i * HOURS);
    if ((i + 1) % reportEvery === 0 || i + 1 === testDays) await onProgress(i + 1, testDays);
    await nextTurn();
  }
  return forecast;
}

export type TrainingService = ReturnType<typeof createTrainingService>;
