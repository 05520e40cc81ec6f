-- The latest snapshot of each continuous book: its engine state (a BookImage) and
-- the net positions of its accounts, as they stood after the command numbered
-- last_seq. Start-up loads it and replays only the commands after it, so start-up
-- time follows the commands since the last snapshot, not the whole history.
create table book_snapshots (
  instrument_id text primary key,
  last_seq bigint not null,
  image jsonb not null,
  taken_at timestamptz not null default now()
);
