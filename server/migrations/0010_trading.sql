-- Trading: the order event log the books are rebuilt from, the orders and
-- trades it produced, day-ahead auctions, OTC deals and pre-trade limits.
-- Prices and quantities are NUMERIC in the instrument's units; the engine
-- works in integer ticks and lots and converts at the edge.

-- The configuration each book was opened with, so that a replay rebuilds it exactly.
create table trading_books (
  instrument_id text primary key,
  gate_closure_ms bigint,
  opened_at timestamptz not null default now()
);

-- Append-only input of the engine, in one global sequence. Kinds are the
-- domain's BookCommand kinds, plus 'pre_trade_reject' for orders refused
-- before they reached a book (replay skips those).
create table order_commands (
  seq bigserial primary key,
  instrument_id text not null,
  kind text not null,
  order_id text,
  payload jsonb not null,
  at_ms bigint not null,
  recorded_at timestamptz not null default now()
);
create index order_commands_instrument_idx on order_commands (instrument_id, seq);

create table orders (
  id text primary key,
  client_order_id text not null,
  account text not null,
  instrument_id text not null,
  side text not null check (side in ('buy', 'sell')),
  type text not null check (type in ('limit', 'market', 'stop', 'stop_limit')),
  price numeric,
  stop_price numeric,
  quantity numeric not null,
  display_quantity numeric,
  filled_quantity numeric not null default 0,
  filled_notional numeric not null default 0,
  time_in_force text not null check (time_in_force in ('GTC', 'GTD', 'IOC', 'FOK')),
  expires_at timestamptz,
  post_only boolean not null default false,
  status text not null,
  reject_reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index orders_client_order_id_key on orders (account, client_order_id);
create index orders_account_idx on orders (account, created_at desc);
create index orders_open_idx on orders (instrument_id) where status in ('new', 'accepted', 'partially_filled');

-- Ids are `<instrument>:<n>` with n the book's own trade counter, so a replay names them identically.
create table trades (
  id text primary key,
  instrument_id text not null,
  price numeric not null,
  quantity numeric not null,
  aggressor_side text not null,
  buy_order_id text not null,
  sell_order_id text not null,
  buyer text not null,
  seller text not null,
  command_seq bigint not null,
  executed_at timestamptz not null
);
create index trades_instrument_idx on trades (instrument_id, executed_at desc);
create index trades_buyer_idx on trades (buyer, executed_at desc);
create index trades_seller_idx on trades (seller, executed_at desc);

create table trading_position_limits (
  account text not null,
  instrument_id text not null,
  max_net_quantity numeric not null check (max_net_quantity >= 0),
  primary key (account, instrument_id)
);

create table trading_credit_limits (
  account text primary key,
  credit_limit numeric not null check (credit_limit >= 0)
);

create table auctions (
  id uuid primary key default gen_random_uuid(),
  area text not null,
  instrument_id text not null,
  delivery_day date not null,
  status text not null default 'open' check (status in ('open', 'cleared')),
  gate_closure_at timestamptz not null,
  created_at timestamptz not null default now(),
  cleared_at timestamptz,
  unique (area, delivery_day)
);

-- A participant's latest curve per hour and side replaces the earlier one.
create table auction_curves (
  auction_id uuid not null references auctions (id),
  account text not null,
  hour integer not null check (hour between 0 and 24),
  side text not null check (side in ('bid', 'offer')),
  steps jsonb not null,
  submitted_at timestamptz not null default now(),
  primary key (auction_id, account, hour, side)
);

create table auction_results (
  auction_id uuid not null references auctions (id),
  hour integer not null,
  cleared boolean not null,
  price numeric,
  volume numeric not null,
  reason text,
  allocations jsonb not null,
  primary key (auction_id, hour)
);

create table deals (
  id uuid primary key default gen_random_uuid(),
  version integer not null,
  counterparty text not null,
  instrument_id text not null,
  side text not null check (side in ('buy', 'sell')),
  price numeric not null,
  quantity numeric not null,
  delivery_start timestamptz not null,
  delivery_end timestamptz not null,
  status text not null check (status in ('unconfirmed', 'confirmed', 'cancelled')),
  trader text not null,
  updated_at timestamptz not null
);
create index deals_trader_idx on deals (trader, updated_at desc);

create table deal_versions (
  deal_id uuid not null references deals (id),
  version integer not null,
  counterparty text not null,
  instrument_id text not null,
  side text not null,
  price numeric not null,
  quantity numeric not null,
  delivery_start timestamptz not null,
  delivery_end timestamptz not null,
  status text not null,
  trader text not null,
  changed_by text not null,
  updated_at timestamptz not null,
  primary key (deal_id, version)
);
