import type { Db } from '../../platform/db/database.js';
import { keysDb } from './tables.js';

/**
 * Where envelopes live. The keys service does not own every envelope (identity keeps its
 * MFA secrets in its own table), so each module that stores envelopes hands the service a
 * holder: a way to page through its envelopes and to swap one for its rewrapped form.
 * That is how the rewrap job and a revocation's report reach data the service never saw
 * stored.
 */
export interface HeldEnvelope {
  recordId: string;
  envelope: Uint8Array;
}

export interface EnvelopeHolder {
  /** A short name for reports, e.g. `keys.vault`, `identity.mfa`. */
  name: string;
  /** Envelopes with a record id after `after` (null: from the start), in record id order. */
  page(db: Db, after: string | null, limit: number): Promise<HeldEnvelope[]>;
  /** Replaces an envelope only if it is still `previous`; false when it changed meanwhile. */
  replace(db: Db, recordId: string, previous: Uint8Array, next: Uint8Array): Promise<boolean>;
}

/** The keys module's own vault of sealed values, the first holder. */
export function vaultHolder(clock: { now(): number }): EnvelopeHolder & {
  put(db: Db, recordId: string, envelope: Uint8Array): Promise<void>;
  get(db: Db, recordId: string): Promise<Uint8Array | undefined>;
} {
  return {
    name: 'keys.vault',
    async page(db, after, limit) {
      let q = keysDb(db)
        .selectFrom('keys_vault')
        .select(['record_id', 'envelope'])
        .orderBy('record_id')
        .limit(limit);
      if (after !== null) q = q.where('record_id', '>', after);
      const rows = await q.execute();
      return rows.map((r) => ({ recordId: r.record_id, envelope: r.envelope }));
    },
    async replace(db, recordId, previous, next) {
      const r = await keysDb(db)
        .updateTable('keys_vault')
        .set({ envelope: next, updated_at: new Date(clock.now()) })
        .where('record_id', '=', recordId)
        .where('envelope', '=', previous)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async put(db, recordId, envelope) {
      const at = new Date(clock.now());
      await keysDb(db)
        .insertInto('keys_vault')
        .values({ record_id: recordId, envelope, updated_at: at })
        .onConflict((oc) => oc.column('record_id').doUpdateSet({ envelope, updated_at: at }))
        .execute();
    },
    async get(db, recordId) {
      const row = await keysDb(db)
        .selectFrom('keys_vault')
        .select('envelope')
        .where('record_id', '=', recordId)
        .executeTakeFirst();
      return row?.envelope;
    },
  };
}
