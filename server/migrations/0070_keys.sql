-- Key management: key encryption key versions, their private halves sealed under the
-- master secret, a check that the master secret in use is the one they were sealed under,
-- the rewrap jobs that move envelopes to a new version, and a vault of sealed values.

-- One row: a constant sealed under the master key. Start-up opens it, or refuses to
-- serve data it could not decrypt.
create table keys_master_check (
  id smallint primary key check (id = 1),
  sealed bytea not null,
  created_at timestamptz not null default now()
);

create table keys_key_versions (
  key_id text not null check (key_id ~ '^[a-z0-9._-]{1,64}$'),
  version integer not null check (version >= 1),
  -- The envelope's KEM id: 1 ML-KEM-1024+X25519, 2 RSA-4096-OAEP-SHA256.
  kem smallint not null check (kem in (1, 2)),
  state text not null check (state in ('pending', 'active', 'retired', 'revoked', 'destroyed')),
  public_key bytea not null,
  -- The private half sealed under the master key; erased when the version is destroyed.
  sealed_secret bytea,
  created_at timestamptz not null,
  activated_at timestamptz,
  retired_at timestamptz,
  revoked_at timestamptz,
  destroyed_at timestamptz,
  primary key (key_id, version),
  check ((state = 'destroyed') = (sealed_secret is null))
);
-- New data is sealed under exactly one version of a key.
create unique index keys_key_versions_one_active on keys_key_versions (key_id) where state = 'active';

create table keys_rewrap_jobs (
  id bigint generated always as identity primary key,
  key_id text not null,
  to_version integer not null,
  state text not null check (state in ('running', 'done', 'failed')),
  total integer not null default 0,
  rewrapped integer not null default 0,
  -- Envelopes under a revoked or destroyed version: they cannot be opened, so stay as they are.
  skipped integer not null default 0,
  error text,
  started_by text not null,
  started_at timestamptz not null,
  finished_at timestamptz
);

-- Small secrets other modules keep sealed here (bank details, partner credentials): the
-- envelope is the row, so the rewrap job reaches it.
create table keys_vault (
  record_id text primary key check (length(record_id) between 1 and 200),
  envelope bytea not null,
  updated_at timestamptz not null
);
