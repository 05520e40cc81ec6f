-- Ticks stored before the range checks existed may hold figures no aggregate survives
-- (a price of 1e300, a negative volume). Start-up moves them here once, with the reason,
-- and rebuilds the hourly bars they touched; new ticks cannot enter out of range.
create table md_ticks_quarantine (
  instrument_id text not null,
  ts timestamptz not null,
  delivery_start timestamptz not null,
  delivery_end timestamptz not null,
  price numeric not null,
  volume numeric not null,
  source text not null,
  reason text not null,
  quarantined_at timestamptz not null default now()
);
create index md_ticks_quarantine_instrument_idx on md_ticks_quarantine (instrument_id, ts);

-- One-off repairs that have run, so each runs once per database.
create table md_repairs (
  name text primary key,
  done_at timestamptz not null default now(),
  detail jsonb not null
);
