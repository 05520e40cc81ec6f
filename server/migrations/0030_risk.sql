-- Risk: the books the risk module has seen trade, every VaR run (for history and
-- backtests), limits and the alerts their breaches raise.

-- Books (trading accounts) seen on the trade stream or at pre-trade, so that a desk-wide
-- VaR knows whose positions to gather without reading the trading module's tables.
create table risk_books (
  book text primary key,
  first_seen timestamptz not null default now()
);

create table risk_var_runs (
  id uuid primary key default gen_random_uuid(),
  -- null: the whole desk
  book text,
  method text not null check (method in ('historical', 'parametric', 'montecarlo')),
  confidence double precision not null,
  horizon_days integer not null,
  var double precision not null,
  es double precision not null,
  currency text not null,
  positions integer not null,
  factors integer not null,
  warnings jsonb not null default '[]',
  -- [{instrumentId, delta, price}]: what the run measured, so a backtest can revalue it
  -- at the end of its horizon (hypothetical P&L).
  exposures jsonb not null default '[]',
  requested_by text not null,
  created_at timestamptz not null default now()
);
create index risk_var_runs_book_idx on risk_var_runs (book, created_at desc);

create table risk_limits (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('var', 'position', 'notional', 'stop_loss')),
  scope text not null check (scope in ('desk', 'book')),
  book text,
  instrument_id text,
  threshold numeric not null check (threshold > 0),
  severity text not null check (severity in ('hard', 'soft')),
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now(),
  check ((scope = 'book') = (book is not null))
);

-- 'breach' when a limit is exceeded, 'cleared' when it is back inside, 'refused' when the
-- pre-trade check stopped an order that would have breached a hard limit.
create table risk_alerts (
  id uuid primary key default gen_random_uuid(),
  limit_id uuid not null references risk_limits (id),
  limit_name text not null,
  kind text not null check (kind in ('breach', 'cleared', 'refused')),
  severity text not null,
  book text,
  value double precision not null,
  threshold double precision not null,
  message text not null,
  created_at timestamptz not null default now()
);
create index risk_alerts_created_idx on risk_alerts (created_at desc);
create index risk_alerts_limit_idx on risk_alerts (limit_id, book, created_at desc);
