-- The trade ledger: an RFC 9162 transparency log of trades, deal versions and the audit
-- trail's head. Leaves keep the exact bytes they hash; every perfect subtree above them is
-- stored once, when the append that completes it runs, so appends and proofs read a few
-- rows (one per level) and never re-hash the tree.

create table ledger_leaves (
  idx bigint primary key check (idx >= 0),
  record_key text not null unique,
  kind text not null check (kind in ('trade', 'deal_version', 'audit_head')),
  -- The record's canonical JSON, exactly the bytes the leaf hash covers.
  record text not null,
  leaf_hash bytea not null check (length(leaf_hash) = 32),
  appended_at timestamptz not null default now()
);

-- Perfect subtrees of 2^level leaves from idx * 2^level; level 0 is ledger_leaves.
create table ledger_nodes (
  level smallint not null check (level between 1 and 62),
  idx bigint not null check (idx >= 0),
  hash bytea not null check (length(hash) = 32),
  primary key (level, idx)
);

-- Signed tree heads, one per size the log published at.
create table ledger_tree_heads (
  size bigint primary key check (size >= 0),
  root bytea not null check (length(root) = 32),
  time_ms bigint not null,
  ml_dsa_87_key_id text not null,
  ml_dsa_87_signature bytea not null,
  ed25519_key_id text not null,
  ed25519_signature bytea not null
);

-- The log's size and how far it has read its sources; moved in the transaction that
-- appends, so each trading event and each audit head is appended exactly once.
create table ledger_state (
  id smallint primary key check (id = 1),
  size bigint not null default 0,
  trading_watermark bigint not null default 0,
  audit_seq bigint not null default 0
);

insert into ledger_state (id) values (1);
