import type { Databases } from '../../platform/db/database.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { addDays, daysBetween, toMarketDays } from './dataset-csv.js';
import { HOURS, historyBefore } from './domain/market-days.js';
import { dayAheadModel, historyNeeded } from './model-kinds.js';
import type { DatasetRepo, StoredDataset } from './repo-datasets.js';
import type { ForecastRepo, HourlyForecast } from './repo-forecasts.js';
import type { ModelRepo, ModelVersion } from './repo-models.js';
import { datasetIdOfTarget } from './targets.js';

export interface ForecastDeps {
  dbs: Databases;
  datasets: DatasetRepo;
  models: ModelRepo;
  forecasts: ForecastRepo;
}

export interface ForecastPoint extends HourlyForecast {
  /** Start of the delivery hour, counted in the data set's normalised 24-hour days. */
  time: string;
  actual: number | null;
}

const MAX_RANGE_DAYS = 400;

/** Serving: a ready model's forecast of one day, stored, and forecasts against what happened. */
export function createForecastService(deps: ForecastDeps) {
  const { dbs } = deps;

  async function resolveModel(ref: { modelId?: string | undefined; target?: string | undefined }): Promise<ModelVersion> {
    if (ref.modelId !== undefined) {
      const model = await deps.models.get(dbs.reader, ref.modelId);
      if (model === undefined) throw notFound('model', 'model_not_found');
      return model;
    }
    if (ref.target === undefined) throw invalid('modelId', 'required', 'give a modelId or a target');
    datasetIdOfTarget(ref.target);
    const model = await deps.models.deployed(dbs.reader, ref.target);
    if (model === undefined) throw conflict('no_deployed_model', `no model is deployed for ${ref.target}`);
    return model;
  }

  async function datasetOf(model: ModelVersion): Promise<StoredDataset> {
    const dataset = await deps.datasets.get(dbs.reader, datasetIdOfTarget(model.target));
    if (dataset === undefined) throw notFound('data set', 'dataset_not_found');
    return dataset;
  }

  const withActual = (dataset: StoredDataset, rows: readonly HourlyForecast[]): ForecastPoint[] =>
    rows.map((r) => {
      const index = daysBetween(dataset.firstDate, r.deliveryDay) * HOURS + r.hour;
      const hour = String(r.hour).padStart(2, '0');
      return { ...r, time: `${r.deliveryDay}T${hour}:00:00Z`, actual: dataset.price[index] ?? null };
    });

  async function forecastDay(ref: { modelId?: string | undefined; target?: string | undefined; day: string }) {
    const model = await resolveModel(ref);
    if (model.status !== 'ready') throw conflict('model_not_ready', `model ${model.id} is ${model.status}`);
    const dataset = await datasetOf(model);
    const day = daysBetween(dataset.firstDate, ref.day);
    const earliest = historyNeeded(model.kind, model.calibrationWindows);
    if (day < earliest || day >= dataset.days) {
      throw invalid('day', 'range', `forecasts exist for ${addDays(dataset.firstDate, earliest)} to ${dataset.lastDate}: the fundamentals forecasts end there`);
    }
    let rows = await deps.forecasts.between(dbs.db, model.id, ref.day, ref.day);
    if (rows.length < HOURS) {
      const market = toMarketDays(dataset);
      const values = dayAheadModel(model.kind, model.calibrationWindows).forecastDay(historyBefore(market, day), day)[0]!;
      const widths = model.intervalHalfWidths ?? [];
      rows = Array.from(values, (value, hour) => {
        const width = widths[hour] ?? Number.NaN;
        return { deliveryDay: ref.day, hour, value, lower: value - width, upper: value + width };
      });
      await deps.forecasts.upsert(dbs.db, model.id, model.target, rows);
      rows = await deps.forecasts.between(dbs.db, model.id, ref.day, ref.day);
    }
    return { modelId: model.id, target: model.target, day: ref.day, hours: withActual(dataset, rows) };
  }

  async function forecastsAgainstActual(q: { target: string; modelId?: string | undefined; from: string; to: string }) {
    if (q.to < q.from) throw invalid('to', 'order', '`to` must not be before `from`');
    if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) throw invalid('to', 'range', `at most ${MAX_RANGE_DAYS} days at a time`);
    const model = q.modelId !== undefined ? await resolveModel({ modelId: q.modelId }) : await deps.models.deployed(dbs.reader, q.target);
    if (model === undefined) return { modelId: null, target: q.target, points: [] };
    if (model.target !== q.target) throw invalid('modelId', 'target', 'the model forecasts another target');
    const dataset = await datasetOf(model);
    const rows = await deps.forecasts.between(dbs.reader, model.id, q.from, q.to);
    return { modelId: model.id, target: q.target, points: withActual(dataset, rows) };
  }

  async function deploy(modelId: string): Promise<ModelVersion> {
    return dbs.db.transaction().execute(async (trx) => {
      const model = await deps.models.get(trx, modelId);
      if (model === undefined) throw notFound('model', 'model_not_found');
      if (model.status !== 'ready') throw conflict('model_not_ready', `only a ready model can be deployed; this one is ${model.status}`);
      await deps.models.deploy(trx, model);
      return { ...model, deployed: true };
    });
  }

  return { forecastDay, forecastsAgainstActual, deploy };
}

export type ForecastService = ReturnType<typeof createForecastService>;
