-- Market data: the instrument catalogue (synced from code at startup), ticks, daily
-- settlements, forward curves versioned by as-of date, weather and grid actuals.

create table md_instruments (
  id text primary key,
  name text not null,
  commodity text not null,
  area text not null,
  venue text not null,
  unit text not null,
  currency text not null,
  tick_size numeric not null,
  lot_size numeric not null,
  time_zone text not null,
  delivery_period text not null,
  load_shape text not null,
  day_start_hour integer not null,
  updated_at timestamptz not null default now()
);
create index md_instruments_commodity_area_idx on md_instruments (commodity, area);

-- Ticks are the one table that grows without bound. With TimescaleDB installed it is a
-- hypertable (chunked by month); otherwise a table partitioned by month through
-- md_ensure_tick_partition, which the ingest path calls for every month it writes.
-- The key leads with instrument and time, so a bar query is one index range scan.
do $$
declare
  has_timescale boolean := exists (
    select 1 from pg_available_extensions where name = 'timescaledb');
begin
  if has_timescale then
    create extension if not exists timescaledb;
    create table md_ticks (
      instrument_id text not null,
      ts timestamptz not null,
      delivery_start timestamptz not null,
      delivery_end timestamptz not null,
      price numeric not null,
      volume numeric not null,
      source text not null,
      primary key (instrument_id, ts, delivery_start)
    );
    perform create_hypertable('md_ticks', 'ts', chunk_time_interval => interval '1 month');
  else
    create table md_ticks (
      instrument_id text not null,
      ts timestamptz not null,
      delivery_start timestamptz not null,
      delivery_end timestamptz not null,
      price numeric not null,
      volume numeric not null,
      source text not null,
      primary key (instrument_id, ts, delivery_start)
    ) partition by range (ts);
  end if;
end $$;
create index md_ticks_ts_brin on md_ticks using brin (ts);

-- Creates the monthly partition holding `instant` unless it exists. Serialised by an
-- advisory lock so that two instances ingesting the same new month do not race.
create function md_ensure_tick_partition(instant timestamptz) returns void
language plpgsql as $$
declare
  month_start timestamptz := date_trunc('month', instant at time zone 'UTC') at time zone 'UTC';
  partition_name text := 'md_ticks_' || to_char(instant at time zone 'UTC', '"y"YYYY"m"MM');
begin
  if not exists (select 1 from pg_partitioned_table where partrelid = 'md_ticks'::regclass) then
    return;
  end if;
  if to_regclass(partition_name) is not null then
    return;
  end if;
  perform pg_advisory_xact_lock(7262027);
  if to_regclass(partition_name) is null then
    execute format(
      'create table %I partition of md_ticks for values from (%L) to (%L)',
      partition_name, month_start, month_start + interval '1 month');
  end if;
end $$;

create table md_settlements (
  instrument_id text not null,
  trade_date date not null,
  delivery_start timestamptz not null,
  delivery_end timestamptz not null,
  price numeric not null,
  currency text not null,
  unit text not null,
  source text not null,
  primary key (instrument_id, trade_date, delivery_start)
);

create table md_curves (
  curve_id text not null,
  as_of date not null,
  instrument_id text not null,
  commodity text not null,
  area text not null,
  currency text not null,
  unit text not null,
  created_at timestamptz not null default now(),
  primary key (curve_id, as_of)
);

create table md_curve_points (
  curve_id text not null,
  as_of date not null,
  tenor text not null,
  delivery_start timestamptz not null,
  delivery_end timestamptz not null,
  price numeric not null,
  primary key (curve_id, as_of, tenor, delivery_start),
  foreign key (curve_id, as_of) references md_curves (curve_id, as_of) on delete cascade
);

create table md_weather (
  location text not null,
  ts timestamptz not null,
  kind text not null check (kind in ('observation', 'forecast')),
  temperature double precision not null,
  wind_speed double precision not null,
  irradiance double precision not null,
  source text not null,
  primary key (location, kind, ts)
);
create index md_weather_ts_brin on md_weather using brin (ts);

-- Load and generation actuals by area: series is `load`, `wind` or `solar`, in MW.
create table md_grid_actuals (
  area text not null,
  series text not null,
  ts timestamptz not null,
  minutes integer not null,
  value double precision not null,
  source text not null,
  primary key (area, series, ts)
);
create index md_grid_actuals_ts_brin on md_grid_actuals using brin (ts);
