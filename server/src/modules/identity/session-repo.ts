import type { Executor } from './repo.js';
import { identityDb, type SessionEndReason } from './tables.js';

/** SQL for sign-in sessions; nothing else. */
export function createSessionRepo() {
  return {
    async start(db: Executor, s: { id: string; user_id: string; started_at: Date }): Promise<void> {
      await identityDb(db).insertInto('sessions').values(s).execute();
    },

    /** Whether the session exists and has not ended. */
    async isOpen(db: Executor, id: string): Promise<boolean> {
      const row = await identityDb(db)
        .selectFrom('sessions')
        .select('ended_at')
        .where('id', '=', id)
        .executeTakeFirst();
      return row !== undefined && row.ended_at === null;
    },

    async end(db: Executor, id: string, reason: SessionEndReason, at: Date): Promise<void> {
      await identityDb(db)
        .updateTable('sessions')
        .set({ ended_at: at, end_reason: reason })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
    },

    /** Ends every open session of a user; returns their ids. */
    async endAllOfUser(
      db: Executor,
      userId: string,
      reason: SessionEndReason,
      at: Date,
    ): Promise<string[]> {
      const rows = await identityDb(db)
        .updateTable('sessions')
        .set({ ended_at: at, end_reason: reason })
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export type SessionRepo = ReturnType<typeof createSessionRepo>;
