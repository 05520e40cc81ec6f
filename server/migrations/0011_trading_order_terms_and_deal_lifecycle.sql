-- The terms an order was submitted with, in the engine's ticks and lots, as
-- canonical JSON: a retried clientOrderId is compared with them (a modify later
-- changes price and quantity, not what was first asked). Orders placed before
-- this column existed have none, and any retry of them is taken as the same.
alter table orders add column submitted_terms text;

-- Deals follow an explicit lifecycle (trading/domain/deal-lifecycle.ts): what was
-- 'unconfirmed' is 'captured' at version 1 and 'amended' after; a deal can also be
-- voided (booked in error) and, later, settled. Each version says why it was made
-- when a reason is required (cancel, void).
alter table deals drop constraint deals_status_check;
update deals set status = case when version = 1 then 'captured' else 'amended' end where status = 'unconfirmed';
update deal_versions set status = case when version = 1 then 'captured' else 'amended' end where status = 'unconfirmed';
alter table deals add constraint deals_status_check
  check (status in ('captured', 'confirmed', 'amended', 'cancelled', 'voided', 'settled'));
alter table deal_versions add column reason text;
