import type { Db } from '../../platform/db/database.js';
import { keysDb } from './tables.js';

/** SQL for rewrap jobs and their progress. */
export function createJobRepo() {
  return {
    async start(
      db: Db,
      job: { keyId: string; toVersion: number; by: string; at: Date; total: number },
    ): Promise<number> {
      const row = await keysDb(db)
        .insertInto('keys_rewrap_jobs')
        .values({
          key_id: job.keyId,
          to_version: job.toVersion,
          state: 'running',
          total: job.total,
          error: null,
          started_by: job.by,
          started_at: job.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async progress(db: Db, id: number, add: { rewrapped: number; skipped: number }): Promise<void> {
      await keysDb(db)
        .updateTable('keys_rewrap_jobs')
        .set((eb) => ({
          rewrapped: eb('rewrapped', '+', add.rewrapped),
          skipped: eb('skipped', '+', add.skipped),
        }))
        .where('id', '=', id)
        .execute();
    },
    async finish(
      db: Db,
      id: number,
      outcome: { state: 'done' | 'failed'; error?: string; at: Date },
    ): Promise<void> {
      await keysDb(db)
        .updateTable('keys_rewrap_jobs')
        .set({ state: outcome.state, error: outcome.error ?? null, finished_at: outcome.at })
        .where('id', '=', id)
        .execute();
    },
    find(db: Db, id: number) {
      return keysDb(db)
        .selectFrom('keys_rewrap_jobs')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
    },
    list(db: Db, limit: number) {
      return keysDb(db)
        .selectFrom('keys_rewrap_jobs')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

export type JobRepo = ReturnType<typeof createJobRepo>;
