import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { KeyVersionState } from './domain/lifecycle.js';
import { keysDb, type KeyVersionsRow } from './tables.js';

/** SQL for key versions and the master check; every method takes the executor it runs on. */
export type StoredKeyVersion = Selectable<KeyVersionsRow>;

export function createVersionRepo() {
  return {
    async masterCheck(db: Db): Promise<Uint8Array | null> {
      const row = await keysDb(db)
        .selectFrom('keys_master_check')
        .select('sealed')
        .where('id', '=', 1)
        .executeTakeFirst();
      return row?.sealed ?? null;
    },
    /** Inserts the check unless another instance did first; the caller reads it back. */
    async insertMasterCheck(db: Db, sealed: Uint8Array): Promise<void> {
      await keysDb(db)
        .insertInto('keys_master_check')
        .values({ id: 1, sealed })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    /** Serialises lifecycle changes of one key across instances until the transaction ends. */
    async lockKey(db: Db, keyId: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtext(${`keys:${keyId}`}))`.execute(db);
    },
    list(db: Db) {
      return keysDb(db)
        .selectFrom('keys_key_versions')
        .selectAll()
        .orderBy('key_id')
        .orderBy('version')
        .execute();
    },
    find(db: Db, keyId: string, version: number) {
      return keysDb(db)
        .selectFrom('keys_key_versions')
        .selectAll()
        .where('key_id', '=', keyId)
        .where('version', '=', version)
        .executeTakeFirst();
    },
    versionsOf(db: Db, keyId: string) {
      return keysDb(db)
        .selectFrom('keys_key_versions')
        .selectAll()
        .where('key_id', '=', keyId)
        .orderBy('version')
        .execute();
    },
    active(db: Db, keyId: string) {
      return keysDb(db)
        .selectFrom('keys_key_versions')
        .select(['key_id', 'version', 'kem', 'public_key'])
        .where('key_id', '=', keyId)
        .where('state', '=', 'active')
        .executeTakeFirst();
    },
    async stateOf(db: Db, keyId: string, version: number): Promise<KeyVersionState | undefined> {
      const row = await keysDb(db)
        .selectFrom('keys_key_versions')
        .select('state')
        .where('key_id', '=', keyId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row?.state;
    },
    async insert(
      db: Db,
      row: {
        keyId: string;
        version: number;
        kem: number;
        publicKey: Uint8Array;
        sealedSecret: Uint8Array;
        at: Date;
      },
    ): Promise<void> {
      await keysDb(db)
        .insertInto('keys_key_versions')
        .values({
          key_id: row.keyId,
          version: row.version,
          kem: row.kem,
          state: 'pending',
          public_key: row.publicKey,
          sealed_secret: row.sealedSecret,
          created_at: row.at,
        })
        .execute();
    },
    async setState(
      db: Db,
      keyId: string,
      version: number,
      state: KeyVersionState,
      at: Date,
    ): Promise<void> {
      const stamp = {
        pending: {},
        active: { activated_at: at },
        retired: { retired_at: at },
        revoked: { revoked_at: at },
        destroyed: { destroyed_at: at, sealed_secret: null },
      }[state];
      await keysDb(db)
        .updateTable('keys_key_versions')
        .set({ state, ...stamp })
        .where('key_id', '=', keyId)
        .where('version', '=', version)
        .execute();
    },
  };
}

export type VersionRepo = ReturnType<typeof createVersionRepo>;
