import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '../../platform/clock.js';
import type { Databases } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { addDays, toMarketDays } from './dataset-csv.js';
import { HOURS, historyBefore } from './domain/market-days.js';
import { evaluateWalkForward } from './evaluation.js';
import { dayAheadModel, DEFAULT_WINDOWS, featureNames } from './model-kinds.js';
import type { ForecastRepo, HourlyForecast } from './repo-forecasts.js';
import type { JobRepo } from './repo-jobs.js';
import type { ModelRepo } from './repo-models.js';
import type { ModelKind } from './tables.js';
import type { TargetSeriesService } from './target-series.js';
import type { TrainingSeries } from './training-series.js';
import { checkKindFor } from './targets.js';
import { planTraining, seriesToTrain } from './training-plan.js';
import type { ModelFitter } from './training-runner.js';
import type { TrainingQueue } from './training-queue.js';

export interface TrainingRequest {
  /** What to forecast (see targets.ts). */
  target: string;
  kind: ModelKind;
  calibrationWindows?: number[] | undefined;
  testDays: number;
}

export interface TrainingDeps {
  dbs: Databases;
  targets: TargetSeriesService;
  models: ModelRepo;
  jobs: JobRepo;
  forecasts: ForecastRepo;
  fitter: ModelFitter;
  clock: Clock;
}

/**
 * Training is a walk-forward: the model forecasts each of the last `testDays` days of
 * its target's history from the days before it, recalibrating daily as a desk would,
 * and its errors on those days are the metrics and the conformal intervals it is
 * registered with. The fitting runs on a worker thread; this side keeps the job's
 * progress and stores the results.
 */
export function createTrainingService(deps: TrainingDeps, queue: Pick<TrainingQueue, 'enqueue'>) {
  const { dbs } = deps;
  const now = () => new Date(deps.clock.now());

  async function requestTraining(
    request: TrainingRequest,
    trainedBy: string,
  ): Promise<{ jobId: string; modelId: string }> {
    const source = await deps.targets.resolve(dbs.db, request.target);
    checkKindFor(source.parsed, request.kind);
    const windows = request.calibrationWindows ?? [...DEFAULT_WINDOWS[request.kind]];
    const range = await planTraining(dbs.db, source, request.kind, windows, request.testDays);
    const { model, job } = await dbs.db.transaction().execute(async (trx) => {
      const created = await deps.models.insert(trx, {
        target: source.target,
        kind: request.kind,
        features: featureNames(request.kind, source.columns),
        calibrationWindows: windows,
        ...range,
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
    // Progress is written in order and before the job's outcome, never after it; a lost
    // progress update is only cosmetic, so it does not fail the job.
    let progressWritten = Promise.resolve();
    try {
      await deps.jobs.start(dbs.db, jobId, now());
      const source = await deps.targets.resolve(dbs.db, model.target);
      const series = await seriesToTrain(dbs.db, source, model);
      const forecast = await deps.fitter.walkForward(
        { series, kind: model.kind, windows: model.calibrationWindows, days: model.testDays },
        {
          signal,
          onProgress: (done, total) => {
            progressWritten = progressWritten
              .then(() =>
                deps.jobs.progress(
                  dbs.db,
                  jobId,
                  (0.95 * done) / total,
                  `forecast ${done} of ${total} test days`,
                ),
              )
              .catch(() => undefined);
          },
        },
      );
      await progressWritten;
      const firstTestDay = series.days - model.testDays;
      const actual = Float64Array.from(series.price.slice(firstTestDay * HOURS));
      const evaluation = evaluateWalkForward(actual, forecast);
      const rows: HourlyForecast[] = Array.from(forecast, (value, i) => ({
        deliveryDay: addDays(series.firstDate, firstTestDay + Math.floor(i / HOURS)),
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
      await progressWritten;
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

/**
 * Day by day, yielding between days so that the thread hears when it is stopped. It
 * runs on a worker thread (training-worker.ts), so the API keeps answering meanwhile.
 */
export async function walkForwardWithProgress(
  dataset: TrainingSeries,
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
