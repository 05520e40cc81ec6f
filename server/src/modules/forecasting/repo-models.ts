import { sql } from 'kysely';
import { forecastingDb, type ModelKind, type ModelStatus, type Executor } from './tables.js';

export interface ModelVersion {
  id: string;
  target: string;
  version: number;
  kind: ModelKind;
  features: string[];
  calibrationWindows: number[];
  trainingFrom: string;
  trainingTo: string;
  testDays: number;
  metrics: Record<string, number> | null;
  intervalHalfWidths: number[] | null;
  status: ModelStatus;
  deployed: boolean;
  trainedBy: string;
  createdAt: string;
}

export interface NewModel {
  target: string;
  kind: ModelKind;
  features: string[];
  calibrationWindows: number[];
  trainingFrom: string;
  trainingTo: string;
  testDays: number;
  trainedBy: string;
}

const columns = [
  'id',
  'target',
  'version',
  'kind',
  'features',
  'calibration_windows',
  sql<string>`training_from::text`.as('training_from'),
  sql<string>`training_to::text`.as('training_to'),
  'test_days',
  'metrics',
  'interval_half_widths',
  'status',
  'deployed',
  'trained_by',
  'created_at',
] as const;

type Row = {
  id: string;
  target: string;
  version: number;
  kind: ModelKind;
  features: string[];
  calibration_windows: number[];
  training_from: string;
  training_to: string;
  test_days: number;
  metrics: Record<string, number> | null;
  interval_half_widths: number[] | null;
  status: ModelStatus;
  deployed: boolean;
  trained_by: string;
  created_at: Date;
};

const toModel = (r: Row): ModelVersion => ({
  id: r.id,
  target: r.target,
  version: r.version,
  kind: r.kind,
  features: r.features,
  calibrationWindows: r.calibration_windows,
  trainingFrom: r.training_from,
  trainingTo: r.training_to,
  testDays: r.test_days,
  metrics: r.metrics,
  intervalHalfWidths: r.interval_half_widths,
  status: r.status,
  deployed: r.deployed,
  trainedBy: r.trained_by,
  createdAt: new Date(r.created_at).toISOString(),
});

export function createModelRepo() {
  return {
    /** Call inside a transaction: the advisory lock numbers versions of one target in turn. */
    async insert(trx: Executor, m: NewModel): Promise<ModelVersion> {
      await sql`select pg_advisory_xact_lock(hashtext(${`fc_models:${m.target}`}))`.execute(trx);
      const db = forecastingDb(trx);
      const last = await db
        .selectFrom('fc_models')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('target', '=', m.target)
        .executeTakeFirst();
      const row = await db
        .insertInto('fc_models')
        .values({
          target: m.target,
          version: Number(last?.v ?? 0) + 1,
          kind: m.kind,
          features: JSON.stringify(m.features),
          calibration_windows: m.calibrationWindows,
          training_from: m.trainingFrom,
          training_to: m.trainingTo,
          test_days: m.testDays,
          metrics: JSON.stringify(null),
          interval_half_widths: JSON.stringify(null),
          status: 'training',
          trained_by: m.trainedBy,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toModel(row);
    },

    async get(ex: Executor, id: string): Promise<ModelVersion | undefined> {
      const row = await forecastingDb(ex)
        .selectFrom('fc_models')
        .select(columns)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toModel(row);
    },

    async list(ex: Executor, target: string | undefined): Promise<ModelVersion[]> {
      let q = forecastingDb(ex).selectFrom('fc_models').select(columns);
      if (target !== undefined) q = q.where('target', '=', target);
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('version', 'desc')
        .limit(200)
        .execute();
      return rows.map(toModel);
    },

    async deployed(ex: Executor, target: string): Promise<ModelVersion | undefined> {
      const row = await forecastingDb(ex)
        .selectFrom('fc_models')
        .select(columns)
        .where('target', '=', target)
        .where('deployed', '=', true)
        .executeTakeFirst();
      return row && toModel(row);
    },

    async markReady(
      ex: Executor,
      id: string,
      metrics: Record<string, number>,
      halfWidths: number[],
    ): Promise<void> {
      await forecastingDb(ex)
        .updateTable('fc_models')
        .set({
          status: 'ready',
          metrics: JSON.stringify(metrics),
          interval_half_widths: JSON.stringify(halfWidths),
        })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(ex: Executor, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await forecastingDb(ex)
        .updateTable('fc_models')
        .set({ status: 'failed' })
        .where('id', 'in', ids)
        .where('status', '=', 'training')
        .execute();
    },

    /** Call inside a transaction: undeploys the target's current model first, so the unique index holds. */
    async deploy(trx: Executor, model: ModelVersion): Promise<void> {
      const db = forecastingDb(trx);
      await db
        .updateTable('fc_models')
        .set({ deployed: false })
        .where('target', '=', model.target)
        .where('deployed', '=', true)
        .execute();
      await db
        .updateTable('fc_models')
        .set({ deployed: true })
        .where('id', '=', model.id)
        .execute();
    },
  };
}

export type ModelRepo = ReturnType<typeof createModelRepo>;
