-- Compliance: rule parameters changed under four-eyes, every pre-trade decision, alerts,
-- and the lists the rules read (restricted products, sanctioned parties, insiders and
-- inside information, the legal entity behind each book and the country of each party).
-- The rules themselves ship as data in the code; only changed parameters live here.

create table compliance_rule_parameters (
  rule_id text primary key,
  version integer not null check (version >= 1),
  params jsonb not null,
  proposed_by text not null,
  approved_by text not null,
  changed_at timestamptz not null
);

create table compliance_rule_changes (
  id uuid primary key,
  rule_id text not null,
  -- The version the proposal was made against: approving it after another change is stale.
  base_version integer not null,
  params jsonb not null,
  previous_params jsonb not null,
  reason text not null,
  status text not null check (status in ('proposed', 'approved', 'rejected')),
  proposed_by text not null,
  proposed_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  check ((status = 'proposed') = (decided_by is null))
);
create index compliance_rule_changes_rule on compliance_rule_changes (rule_id, proposed_at desc);

create table compliance_decisions (
  id uuid primary key,
  subject_kind text not null check (subject_kind in ('order', 'deal')),
  -- The order's id; a deal's id once it exists (null for a refused capture).
  subject_id text,
  client_order_id text,
  account text not null,
  instrument_id text not null,
  counterparty text,
  outcome text not null check (outcome in ('allow', 'block', 'flag')),
  rule_id text,
  citation text,
  message text,
  jurisdictions jsonb not null,
  derivation jsonb not null,
  evaluated jsonb not null,
  flags jsonb not null,
  decided_at timestamptz not null
);
create index compliance_decisions_account on compliance_decisions (account, decided_at desc);
create index compliance_decisions_subject on compliance_decisions (subject_id);
create index compliance_decisions_outcome on compliance_decisions (outcome, decided_at desc);

create table compliance_alerts (
  id uuid primary key,
  -- 'pre_trade' for a flagged order or deal; surveillance detectors name themselves.
  source text not null,
  kind text not null,
  decision_id uuid references compliance_decisions (id),
  account text,
  instrument_id text,
  score double precision,
  message text not null,
  citation text,
  details jsonb not null default '{}',
  status text not null default 'open' check (status in ('open', 'closed')),
  created_at timestamptz not null
);
create index compliance_alerts_created on compliance_alerts (status, created_at desc);

create table compliance_restricted_products (
  instrument_id text primary key,
  reason text not null,
  added_by text not null,
  added_at timestamptz not null
);

create table compliance_sanctioned_parties (
  -- Upper-cased, single-spaced name: how screening matches a deal's counterparty.
  name_key text primary key,
  name text not null,
  country text,
  programme text not null,
  listed_on date,
  imported_by text not null,
  imported_at timestamptz not null
);

create table compliance_books (
  account text primary key,
  legal_entity text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  -- A book run under AAOIFI Shariah Standards 20 and 21.
  shariah boolean not null default false,
  updated_by text not null,
  updated_at timestamptz not null
);

create table compliance_parties (
  name text primary key,
  country text not null check (country ~ '^[A-Z]{2}$'),
  updated_by text not null,
  updated_at timestamptz not null
);

create table compliance_inside_information (
  id uuid primary key,
  title text not null,
  products jsonb not null,
  registered_by text not null,
  registered_at timestamptz not null,
  published_at timestamptz,
  published_by text
);

create table compliance_insiders (
  event_id uuid not null references compliance_inside_information (id),
  account text not null,
  added_by text not null,
  added_at timestamptz not null,
  primary key (event_id, account)
);
