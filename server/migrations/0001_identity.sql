-- Users, sessions (refresh-token families), API keys, per-role MFA policy and
-- login throttling. Usernames are unique case-insensitively.
create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  password_hash text not null,
  roles text[] not null,
  disabled boolean not null default false,
  mfa_secret text,
  mfa_enabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_login_at timestamptz
);
create unique index users_username_key on users (lower(username));

create table refresh_tokens (
  token_hash text primary key,
  family_id uuid not null,
  user_id uuid not null references users (id) on delete cascade,
  issued_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references users (id) on delete cascade,
  name text not null,
  prefix text not null unique,
  key_hash text not null,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table role_policies (
  role text primary key,
  mfa_required boolean not null default false,
  updated_at timestamptz not null default now()
);

-- Keyed by the name typed at login, whether or not such a user exists, so that a
-- lockout looks the same for real and unknown usernames.
create table login_throttle (
  username text primary key,
  failures integer not null default 0,
  locked_until timestamptz,
  last_failure_at timestamptz not null default now()
);
