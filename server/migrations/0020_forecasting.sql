-- Forecasting: uploaded market data sets, the model registry, training jobs and
-- stored forecasts. Prices and forecasts are statistics here, so they are float8.

-- An hourly market history in the epftoolbox layout: whole consecutive days from
-- first_date, 24 hours a day (daylight-saving days already normalised), the price and
-- the day-ahead forecasts of two fundamentals (load, wind or generation).
create table fc_datasets (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  market text not null,
  first_date date not null,
  days integer not null check (days > 0),
  columns jsonb not null,
  price jsonb not null,
  exogenous_1 jsonb not null,
  exogenous_2 jsonb not null,
  uploaded_by text not null,
  created_at timestamptz not null default now()
);

-- One row per trained model version; `target` names what it forecasts (`dataset:<id>`).
create table fc_models (
  id uuid primary key default gen_random_uuid(),
  target text not null,
  version integer not null,
  kind text not null check (kind in ('naive', 'lear', 'mlp', 'ensemble')),
  features jsonb not null,
  calibration_windows integer[] not null,
  training_from date not null,
  training_to date not null,
  test_days integer not null,
  metrics jsonb,
  interval_half_widths jsonb,
  status text not null check (status in ('training', 'ready', 'failed')),
  deployed boolean not null default false,
  trained_by text not null,
  created_at timestamptz not null default now(),
  unique (target, version)
);
create index fc_models_target_idx on fc_models (target, version desc);
-- At most one deployed model per target, whatever the application does.
create unique index fc_models_one_deployed on fc_models (target) where deployed;

create table fc_training_jobs (
  id uuid primary key default gen_random_uuid(),
  model_id uuid not null references fc_models (id),
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
  progress double precision not null default 0 check (progress between 0 and 1),
  message text not null default '',
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index fc_training_jobs_open_idx on fc_training_jobs (status) where status in ('queued', 'running');

create table fc_forecasts (
  model_id uuid not null references fc_models (id),
  target text not null,
  delivery_day date not null,
  hour smallint not null check (hour between 0 and 23),
  value double precision not null,
  lower double precision,
  upper double precision,
  created_at timestamptz not null default now(),
  primary key (model_id, delivery_day, hour)
);
create index fc_forecasts_target_idx on fc_forecasts (target, delivery_day);
