-- Risk: European options on futures held by the desk's books. The exchange order books
-- trade futures only, so options bought or sold over the counter are registered here and
-- reach VaR through their Black-76 greeks on the underlying futures price.
create table risk_option_positions (
  id uuid primary key default gen_random_uuid(),
  book text not null,
  -- the futures instrument the option is written on (a catalogue id)
  underlying text not null,
  option_type text not null check (option_type in ('call', 'put')),
  strike numeric not null check (strike > 0),
  expires_at timestamptz not null,
  -- signed, in the underlying's unit: positive bought, negative sold
  quantity numeric not null check (quantity <> 0),
  -- annualised implied volatility (0.6 = 60%) and the discount rate to the premium date
  volatility double precision not null check (volatility > 0 and volatility <= 10),
  rate double precision not null default 0,
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index risk_option_positions_book_idx on risk_option_positions (book) where active;
