import type { Databases } from '../../platform/db/database.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { daysBetween } from './dataset-csv.js';
import { HOURS } from './domain/market-days.js';
import type { ForecastRepo, HourlyForecast } from './repo-forecasts.js';
import type { ModelRepo, ModelVersion } from './repo-models.js';
import type { TargetSeriesService } from './target-series.js';
import { parseTarget } from './targets.js';
import { seriesToForecast } from './training-plan.js';
import type { ModelFitter } from './training-runner.js';
import type { Executor } from './tables.js';

export interface ForecastDeps {
  dbs: Databases;
  targets: TargetSeriesService;
  models: ModelRepo;
  forecasts: ForecastRepo;
  fitter: ModelFitter;
}

export interface ForecastPoint extends HourlyForecast {
  /** Start of the delivery hour, counted in the target's normalised 24-hour days. */
  time: string;
  actual: number | null;
}

const MAX_RANGE_DAYS = 400;

/** Hour-by-hour actual values of a target over days `[from, to]`, null where unknown. */
export async function actualsBetween(
  targets: TargetSeriesService,
  ex: Executor,
  target: string,
  from: string,
  to: string,
) {
  const source = await targets.resolve(ex, target);
  const window = await source.window(ex, from, to);
  return (day: string, hour: number): number | null => {
    const value = window.values[daysBetween(from, day) * HOURS + hour];
    return value === undefined || Number.isNaN(value) ? null : value;
  };
}

/** Serving: a ready model's forecast of one day, stored, and forecasts against what happened. */
export function createForecastService(deps: ForecastDeps) {
  const { dbs } = deps;

  async function resolveModel(ref: {
    modelId?: string | undefined;
    target?: string | undefined;
  }): Promise<ModelVersion> {
    if (ref.modelId !== undefined) {
      const model = await deps.models.get(dbs.reader, ref.modelId);
      if (model === undefined) throw notFound('model', 'model_not_found');
      return model;
    }
    if (ref.target === undefined)
      throw invalid('modelId', 'required', 'give a modelId or a target');
    parseTarget(ref.target);
    const model = await deps.models.deployed(dbs.reader, ref.target);
    if (model === undefined)
      throw conflict('no_deployed_model', `no model is deployed for ${ref.target}`);
    return model;
  }

  const withActual = (
    rows: readonly HourlyForecast[],
    actual: (day: string, hour: number) => number | null,
  ): ForecastPoint[] =>
    rows.map((r) => ({
      ...r,
      time: `${r.deliveryDay}T${String(r.hour).padStart(2, '0')}:00:00Z`,
      actual: actual(r.deliveryDay, r.hour),
    }));

  async function forecastDay(ref: {
    modelId?: string | undefined;
    target?: string | undefined;
    day: string;
  }) {
    const model = await resolveModel(ref);
    if (model.status !== 'ready')
      throw conflict('model_not_ready', `model ${model.id} is ${model.status}`);
    const source = await deps.targets.resolve(dbs.db, model.target);
    const { series, actual } = await seriesToForecast(
      dbs.db,
      source,
      model.kind,
      model.calibrationWindows,
      ref.day,
    );
    let rows = await deps.forecasts.between(dbs.db, model.id, ref.day, ref.day);
    if (rows.length < HOURS) {
      const values = await deps.fitter.walkForward({
        series,
        kind: model.kind,
        windows: model.calibrationWindows,
        days: 1,
      });
      const widths = model.intervalHalfWidths ?? [];
      rows = Array.from(values, (value, hour) => {
        const width = widths[hour] ?? Number.NaN;
        return { deliveryDay: ref.day, hour, value, lower: value - width, upper: value + width };
      });
      await deps.forecasts.upsert(dbs.db, model.id, model.target, rows);
      rows = await deps.forecasts.between(dbs.db, model.id, ref.day, ref.day);
    }
    const known = (_day: string, hour: number) =>
      Number.isNaN(actual[hour]!) ? null : actual[hour]!;
    return {
      modelId: model.id,
      target: model.target,
      day: ref.day,
      hours: withActual(rows, known),
    };
  }

  async function forecastsAgainstActual(q: {
    target: string;
    modelId?: string | undefined;
    from: string;
    to: string;
  }) {
    if (q.to < q.from) throw invalid('to', 'order', '`to` must not be before `from`');
    if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS)
      throw invalid('to', 'range', `at most ${MAX_RANGE_DAYS} days at a time`);
    parseTarget(q.target);
    const model =
      q.modelId !== undefined
        ? await resolveModel({ modelId: q.modelId })
        : await deps.models.deployed(dbs.reader, q.target);
    if (model === undefined) return { modelId: null, target: q.target, points: [] };
    if (model.target !== q.target)
      throw invalid('modelId', 'target', 'the model forecasts another target');
    const rows = await deps.forecasts.between(dbs.reader, model.id, q.from, q.to);
    const actual = await actualsBetween(deps.targets, dbs.reader, model.target, q.from, q.to);
    return { modelId: model.id, target: q.target, points: withActual(rows, actual) };
  }

  async function deploy(modelId: string): Promise<ModelVersion> {
    return dbs.db.transaction().execute(async (trx) => {
      const model = await deps.models.get(trx, modelId);
      if (model === undefined) throw notFound('model', 'model_not_found');
      if (model.status !== 'ready')
        throw conflict(
          'model_not_ready',
          `only a ready model can be deployed; this one is ${model.status}`,
        );
      await deps.models.deploy(trx, model);
      return { ...model, deployed: true };
    });
  }

  return { forecastDay, forecastsAgainstActual, deploy };
}

export type ForecastService = ReturnType<typeof createForecastService>;
