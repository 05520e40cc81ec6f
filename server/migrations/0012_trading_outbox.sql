-- Trading's outbox: every fill and every deal version, in one sequence that other
-- modules (portfolio's position table first) read forward from a watermark. Triggers
-- write it in the same statement, hence the same transaction, as the trade or the deal
-- version, so no write path can record one without the other.
--
-- A reader that polls `seq > watermark` must never see seq 7 commit after it has read
-- seq 8. Each writing transaction therefore takes an advisory lock before drawing its
-- numbers and keeps it to commit, so numbers are handed out in commit order. A
-- transaction that rolls back leaves a gap, which readers simply step over.

create table trading_events (
  seq bigserial primary key,
  kind text not null check (kind in ('fill', 'deal_version')),
  payload jsonb not null,
  recorded_at timestamptz not null default now()
);

-- The lock is per schema, so separate deployments (and test schemas) on one server do not queue.
create function trading_events_lock() returns void language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext(current_schema() || '.trading_events'));
end $$;

create function trading_events_of_trades() returns trigger language plpgsql as $$
begin
  perform trading_events_lock();
  insert into trading_events (kind, payload)
  select 'fill', jsonb_build_object(
    'tradeId', t.id,
    'instrumentId', t.instrument_id,
    'price', t.price,
    'quantity', t.quantity,
    'buyer', t.buyer,
    'seller', t.seller,
    'executedAt', floor(extract(epoch from t.executed_at) * 1000)::bigint)
  from new_trades t
  order by t.executed_at, t.command_seq, t.id;
  return null;
end $$;

create trigger trading_events_of_trades after insert on trades
  referencing new table as new_trades
  for each statement execute function trading_events_of_trades();

create function trading_events_of_deal_versions() returns trigger language plpgsql as $$
begin
  perform trading_events_lock();
  insert into trading_events (kind, payload)
  select 'deal_version', jsonb_build_object(
    'dealId', v.deal_id,
    'version', v.version,
    'trader', v.trader,
    'counterparty', v.counterparty,
    'instrumentId', v.instrument_id,
    'side', v.side,
    'price', v.price,
    'quantity', v.quantity,
    'deliveryStart', floor(extract(epoch from v.delivery_start) * 1000)::bigint,
    'deliveryEnd', floor(extract(epoch from v.delivery_end) * 1000)::bigint,
    'status', v.status,
    'updatedAt', floor(extract(epoch from v.updated_at) * 1000)::bigint,
    'capturedAt', floor(extract(epoch from coalesce(
      (select f.updated_at from deal_versions f where f.deal_id = v.deal_id and f.version = 1),
      v.updated_at)) * 1000)::bigint)
  from new_versions v
  order by v.deal_id, v.version;
  return null;
end $$;

create trigger trading_events_of_deal_versions after insert on deal_versions
  referencing new table as new_versions
  for each statement execute function trading_events_of_deal_versions();

-- Trades and deal versions recorded before the outbox existed, oldest first.
insert into trading_events (kind, payload, recorded_at)
select kind, payload, at from (
  select 'fill' as kind, t.executed_at as at, 0 as tie, t.command_seq as n, t.id as ref,
    jsonb_build_object(
      'tradeId', t.id,
      'instrumentId', t.instrument_id,
      'price', t.price,
      'quantity', t.quantity,
      'buyer', t.buyer,
      'seller', t.seller,
      'executedAt', floor(extract(epoch from t.executed_at) * 1000)::bigint) as payload
  from trades t
  union all
  select 'deal_version', v.updated_at, 1, v.version, v.deal_id::text,
    jsonb_build_object(
      'dealId', v.deal_id,
      'version', v.version,
      'trader', v.trader,
      'counterparty', v.counterparty,
      'instrumentId', v.instrument_id,
      'side', v.side,
      'price', v.price,
      'quantity', v.quantity,
      'deliveryStart', floor(extract(epoch from v.delivery_start) * 1000)::bigint,
      'deliveryEnd', floor(extract(epoch from v.delivery_end) * 1000)::bigint,
      'status', v.status,
      'updatedAt', floor(extract(epoch from v.updated_at) * 1000)::bigint,
      'capturedAt', floor(extract(epoch from f.updated_at) * 1000)::bigint)
  from deal_versions v
  join deal_versions f on f.deal_id = v.deal_id and f.version = 1
) backlog
order by at, tie, n, ref;
