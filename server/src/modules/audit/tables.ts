import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { HashAlg } from './domain/hash-chain.js';

/** The audit module's one table as Kysely sees it; `auditDb` types a platform handle with it. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AuditLogTable {
  seq: number;
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: string;
  target: string | null;
  request_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
  /** How the entry's hash was made (migration 0007): plain SHA-256 before the chain was keyed. */
  hash_alg: HashAlg;
  /** Which chain key an HMAC entry was made under; null for plain SHA-256 entries. */
  key_id: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}

export type AuditDb = Kysely<AuditTables>;

/** The platform's connection (or a transaction on it) typed with the audit table. */
export const auditDb = (db: Db): AuditDb => db as unknown as AuditDb;
