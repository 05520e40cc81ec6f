import type { ColumnType, Generated, Kysely } from 'kysely';

/** The ledger's tables as Kysely sees them; BIGINT may come back as a string. */
type Int8 = ColumnType<string | number, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface LedgerLeavesRow {
  idx: Int8;
  record_key: string;
  kind: 'trade' | 'deal_version' | 'audit_head';
  record: string;
  leaf_hash: Uint8Array;
  appended_at: Generated<Timestamp>;
}

export interface LedgerNodesRow {
  level: number;
  idx: Int8;
  hash: Uint8Array;
}

export interface LedgerTreeHeadsRow {
  size: Int8;
  root: Uint8Array;
  time_ms: Int8;
  ml_dsa_87_key_id: string;
  ml_dsa_87_signature: Uint8Array;
  ed25519_key_id: string;
  ed25519_signature: Uint8Array;
}

export interface LedgerStateRow {
  id: number;
  size: Int8;
  trading_watermark: Int8;
  audit_seq: Int8;
}

export type LedgerTables = {
  ledger_leaves: LedgerLeavesRow;
  ledger_nodes: LedgerNodesRow;
  ledger_tree_heads: LedgerTreeHeadsRow;
  ledger_state: LedgerStateRow;
};

export type LedgerDb = Kysely<LedgerTables>;

/** The platform's connection (or a transaction on it) typed with the ledger tables. */
export const ledgerDb = (db: Kysely<object> | { withTables: unknown }): LedgerDb =>
  db as unknown as LedgerDb;
