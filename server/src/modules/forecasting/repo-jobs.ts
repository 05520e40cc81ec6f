import { forecastingDb, type JobStatus, type Executor } from './tables.js';

export interface TrainingJob {
  id: string;
  modelId: string;
  status: JobStatus;
  progress: number;
  message: string;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

export function createJobRepo() {
  return {
    async insert(ex: Executor, modelId: string): Promise<TrainingJob> {
      const row = await forecastingDb(ex)
        .insertInto('fc_training_jobs')
        .values({
          model_id: modelId,
          status: 'queued',
          message: 'waiting for the trainer',
          error: null,
          started_at: null,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await this.get(ex, row.id))!;
    },

    async get(ex: Executor, id: string): Promise<TrainingJob | undefined> {
      const r = await forecastingDb(ex)
        .selectFrom('fc_training_jobs')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        r && {
          id: r.id,
          modelId: r.model_id,
          status: r.status,
          progress: r.progress,
          message: r.message,
          error: r.error,
          createdAt: new Date(r.created_at).toISOString(),
          startedAt: iso(r.started_at),
          finishedAt: iso(r.finished_at),
        }
      );
    },

    async start(ex: Executor, id: string, at: Date): Promise<void> {
      await forecastingDb(ex)
        .updateTable('fc_training_jobs')
        .set({ status: 'running', started_at: at, message: 'loading the data set' })
        .where('id', '=', id)
        .execute();
    },

    async progress(ex: Executor, id: string, progress: number, message: string): Promise<void> {
      await forecastingDb(ex)
        .updateTable('fc_training_jobs')
        .set({ progress, message })
        .where('id', '=', id)
        .execute();
    },

    async finish(ex: Executor, id: string, at: Date, error: string | null): Promise<void> {
      await forecastingDb(ex)
        .updateTable('fc_training_jobs')
        .set(
          error === null
            ? { status: 'succeeded', progress: 1, message: 'done', finished_at: at }
            : { status: 'failed', message: 'failed', error, finished_at: at },
        )
        .where('id', '=', id)
        .execute();
    },

    /** Jobs a stopped process left open; they are failed, and so are their models. */
    async failInterrupted(ex: Executor, at: Date): Promise<string[]> {
      const rows = await forecastingDb(ex)
        .updateTable('fc_training_jobs')
        .set({
          status: 'failed',
          error: 'interrupted: the server stopped before the job finished',
          message: 'interrupted',
          finished_at: at,
        })
        .where('status', 'in', ['queued', 'running'])
        .returning('model_id')
        .execute();
      return rows.map((r) => r.model_id);
    },
  };
}

export type JobRepo = ReturnType<typeof createJobRepo>;
