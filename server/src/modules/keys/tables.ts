import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { KeyVersionState } from './domain/lifecycle.js';

/** The keys module's tables as Kysely sees them; BYTEA comes back as a Uint8Array. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export interface MasterCheckRow {
  id: number;
  sealed: Bytes;
  created_at: Generated<Date>;
}

export interface KeyVersionsRow {
  key_id: string;
  version: number;
  kem: number;
  state: KeyVersionState;
  public_key: Bytes;
  sealed_secret: ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
  created_at: Timestamp;
  activated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  destroyed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface RewrapJobsRow {
  /** BIGINT identity: a string or a number depending on the driver. */
  id: ColumnType<string | number, undefined, never>;
  key_id: string;
  to_version: number;
  state: 'running' | 'done' | 'failed';
  total: Generated<number>;
  rewrapped: Generated<number>;
  skipped: Generated<number>;
  error: string | null;
  started_by: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface VaultRow {
  record_id: string;
  envelope: Bytes;
  updated_at: Timestamp;
}

export interface KeysTables {
  keys_master_check: MasterCheckRow;
  keys_key_versions: KeyVersionsRow;
  keys_rewrap_jobs: RewrapJobsRow;
  keys_vault: VaultRow;
}

export type KeysDb = Kysely<KeysTables>;

/** The platform's connection (or a transaction on it) typed with the keys tables. */
export const keysDb = (db: Db): KeysDb => db as unknown as KeysDb;
