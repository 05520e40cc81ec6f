-- Portfolio's position table, kept from trading's outbox (trading_events) instead of
-- folded from every fill on every read. Running figures are NUMERIC holding the exact
-- binary value the average-cost fold produced, so a position continued incrementally
-- and one folded afresh agree to the last digit.

-- What each trade contributes to a position: one row per side of a fill (its book's
-- view) and one per live OTC deal (its current version). A deal amendment or void
-- replaces its row, and the positions it touched are folded again from their rows.
create table portfolio_position_trades (
  book text not null,
  source text not null check (source in ('exchange', 'otc')),
  ref text not null,
  version integer not null,
  instrument_id text not null,
  period text not null,
  first_day text not null,
  last_day text not null,
  side text not null check (side in ('buy', 'sell')),
  price numeric not null,
  quantity numeric not null,
  -- The fold order: when the trade was made (a deal: first captured), then the outbox number.
  at_ms bigint not null,
  order_seq bigint not null,
  primary key (book, source, ref)
);
create index portfolio_position_trades_position_idx
  on portfolio_position_trades (book, instrument_id, period, at_ms, order_seq);

create table portfolio_positions (
  book text not null,
  instrument_id text not null,
  period text not null,
  first_day text not null,
  last_day text not null,
  net_quantity numeric not null,
  average_price numeric not null,
  realised_pnl numeric not null,
  exchange_quantity numeric not null,
  otc_quantity numeric not null,
  -- Fold order of the newest trade in the position: a later trade continues it, an earlier one refolds it.
  last_at_ms bigint not null,
  last_order_seq bigint not null,
  -- The last outbox event applied to this position.
  last_seq bigint not null,
  primary key (book, instrument_id, period)
);

-- Every book that has traded or captured a deal, the desk's list of books.
create table portfolio_books (
  book text primary key
);

-- The last trade of each instrument on the books, for marks without scanning trades.
create table portfolio_last_trades (
  instrument_id text primary key,
  price numeric not null,
  at_ms bigint not null,
  seq bigint not null
);

-- How far into trading's outbox the tables above are.
create table portfolio_projection (
  name text primary key,
  last_seq bigint not null
);
insert into portfolio_projection (name, last_seq) values ('positions', 0);
