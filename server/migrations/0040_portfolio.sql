-- Portfolio: the counterparty register, with the credit limit each counterparty's
-- exposure (current plus potential future) is measured against. Deals name their
-- counterparty as text, so the register is keyed by that exact name.

create table portfolio_counterparties (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  credit_limit numeric not null check (credit_limit >= 0),
  currency text not null check (currency in ('EUR', 'GBP', 'USD')),
  -- Deals under a master agreement (EFET, ISDA) net per counterparty; 'none' stand alone.
  master_agreement text not null check (master_agreement in ('EFET', 'ISDA', 'none')),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
