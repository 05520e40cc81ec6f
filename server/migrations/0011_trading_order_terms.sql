-- The terms an order was submitted with, in the engine's ticks and lots, as
-- canonical JSON: a retried clientOrderId is compared with them (a modify later
-- changes price and quantity, not what was first asked). Orders placed before
-- this column existed have none, and any retry of them is taken as the same.
alter table orders add column submitted_terms text;
