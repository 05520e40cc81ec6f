import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * The forecasting module's tables as Kysely sees them, kept here so the module owns
 * its row types. Series and metrics travel as JSON; dates as `YYYY-MM-DD` text.
 */
type Json<T> = ColumnType<T, string, string>;
type DateText = ColumnType<string, string, string>;

export interface DatasetsRow {
  id: Generated<string>;
  name: string;
  market: string;
  first_date: DateText;
  days: number;
  columns: Json<string[]>;
  price: Json<number[]>;
  exogenous_1: Json<number[]>;
  exogenous_2: Json<number[]>;
  uploaded_by: string;
  created_at: Generated<Date>;
}

export type ModelKind = 'naive' | 'lear' | 'mlp' | 'ensemble' | 'seasonal';
export type ModelStatus = 'training' | 'ready' | 'failed';

export interface ModelsRow {
  id: Generated<string>;
  target: string;
  version: number;
  kind: ModelKind;
  features: Json<string[]>;
  calibration_windows: number[];
  training_from: DateText;
  training_to: DateText;
  test_days: number;
  metrics: Json<Record<string, number> | null>;
  interval_half_widths: Json<number[] | null>;
  status: ModelStatus;
  deployed: Generated<boolean>;
  trained_by: string;
  created_at: Generated<Date>;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface TrainingJobsRow {
  id: Generated<string>;
  model_id: string;
  status: JobStatus;
  progress: Generated<number>;
  message: Generated<string>;
  error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ForecastsRow {
  model_id: string;
  target: string;
  delivery_day: DateText;
  hour: number;
  value: number;
  lower: number | null;
  upper: number | null;
  created_at: Generated<Date>;
}

export interface ForecastingTables {
  fc_datasets: DatasetsRow;
  fc_models: ModelsRow;
  fc_training_jobs: TrainingJobsRow;
  fc_forecasts: ForecastsRow;
}

export type ForecastingDb = Kysely<ForecastingTables>;

/** Any handle on the platform's database: the primary, the reader or a transaction. */
export type Executor = Db;

/** The platform's connection (or a transaction on it) typed with the forecasting tables. */
export const forecastingDb = (db: Executor): ForecastingDb => db as unknown as ForecastingDb;
