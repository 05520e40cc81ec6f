-- One row per sign-in session (a refresh-token family). Access tokens carry its id
-- (`sid`), and each request checks that the session has not ended, so logout, a
-- replayed refresh token, disabling a user or a password change end access at once.
create table sessions (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  end_reason text
);
create index sessions_open_by_user_idx on sessions (user_id) where ended_at is null;

-- Families issued before this migration become sessions, ended if every token is revoked.
insert into sessions (id, user_id, started_at, ended_at, end_reason)
select family_id,
       (array_agg(user_id))[1],
       min(issued_at),
       case when bool_and(revoked_at is not null) then max(revoked_at) end,
       case when bool_and(revoked_at is not null) then 'revoked' end
from refresh_tokens
group by family_id;
