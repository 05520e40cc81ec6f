-- Failed sign-ins per typed username and client address (an IPv6 /64), whether or not
-- the user exists: the pair is slowed after a few failures, so an attacker's failures
-- from one address do not lock the owner out from another. `login_throttle` now holds
-- the lock of the username everywhere, set once several addresses are slowed.
create table login_address_throttle (
  username text not null,
  address text not null,
  failures integer not null default 0,
  locked_until timestamptz,
  last_failure_at timestamptz not null,
  primary key (username, address)
);
create index login_address_throttle_recent_idx on login_address_throttle (last_failure_at);
