-- Append-only, hash-chained audit trail. Each row's hash covers the previous row's
-- hash and the row's canonical JSON, so an edited or deleted row breaks the chain.
create table audit_log (
  seq bigint primary key,
  id uuid not null default gen_random_uuid() unique,
  at timestamptz not null,
  actor text not null,
  action text not null,
  target text,
  request_id text,
  ip text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor, seq);
create index audit_log_action_idx on audit_log (action, seq);
