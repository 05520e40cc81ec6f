-- Hourly OHLC bars kept beside the ticks, as a continuous aggregate would be: the ingest
-- path re-aggregates, in SQL and in the same transaction, every instrument-hour a batch
-- touched. Hourly and daily bars over long ranges then read one row an hour instead of
-- every tick (a year of one-minute ticks is 525,600 rows, of hours 8,760).
create table md_bars_hourly (
  instrument_id text not null,
  bucket timestamptz not null,
  open numeric not null,
  high numeric not null,
  low numeric not null,
  close numeric not null,
  volume numeric not null,
  tick_count integer not null,
  primary key (instrument_id, bucket)
);

-- Ticks stored before this table existed.
insert into md_bars_hourly (instrument_id, bucket, open, high, low, close, volume, tick_count)
select instrument_id,
  date_bin('1 hour', ts, timestamptz '2000-01-01T00:00:00Z'),
  (min(array[extract(epoch from ts), extract(epoch from delivery_start), price]))[3],
  max(price),
  min(price),
  (max(array[extract(epoch from ts), extract(epoch from delivery_start), price]))[3],
  sum(volume),
  count(*)
from md_ticks
group by 1, 2;
