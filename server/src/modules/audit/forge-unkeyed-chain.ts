import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { GENESIS_HASH, entryHash } from './domain/hash-chain.js';
import { createAuditRepo } from './repo.js';

/**
 * What an attacker with only the database can do to the trail (tests use it): edit an
 * entry, then recompute every hash after it with plain SHA-256, marking each unkeyed.
 */
export async function forgeUnkeyedChain(
  db: Db,
  edit: { seq: number; actor: string } | undefined = undefined,
): Promise<void> {
  const entries = await createAuditRepo().page(db, 0, 1_000_000);
  let prev = GENESIS_HASH;
  for (const e of entries) {
    const { prevHash: _p, hash: _h, hashAlg: _a, keyId: _k, ...fields } = e;
    const forged = edit?.seq === e.seq ? { ...fields, actor: edit.actor } : fields;
    const hash = entryHash(prev, forged);
    await sql`update audit_log set actor = ${forged.actor}, prev_hash = ${prev}, hash = ${hash},
      hash_alg = 'sha256', key_id = null where seq = ${e.seq}`.execute(db);
    prev = hash;
  }
}
