-- A session is one sign-in and the chain of refresh tokens rotated from it (a token family). Access
-- tokens name their session; revoking it ends them at once, on every instance, and reusing a rotated
-- refresh token revokes the session it belongs to.
create table sessions (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index sessions_account on sessions (account_id);

-- Refresh tokens are kept after use (used_at) until they expire, so that a second use is recognised.
-- Each token that exists already becomes a session of its own: nobody is signed out by this migration.
alter table refresh_tokens add column session_id uuid;
alter table refresh_tokens add column used_at timestamptz;
update refresh_tokens set session_id = gen_random_uuid();
insert into sessions (id, account_id) select session_id, account_id from refresh_tokens;
alter table refresh_tokens alter column session_id set not null;
alter table refresh_tokens
  add constraint refresh_tokens_session foreign key (session_id) references sessions (id) on delete cascade;
create index refresh_tokens_session on refresh_tokens (session_id);

-- Failed sign-ins per (login, client address) replace the lock on the login alone, which let anyone lock
-- any officer out (central/session/loginThrottle.ts says why). Logins that do not exist are counted too,
-- so the answers do not tell which logins exist.
create table login_failures (
  login text not null,
  address text not null,
  failures int not null,
  last_failed_at timestamptz not null,
  primary key (login, address)
);
create index login_failures_address on login_failures (address, last_failed_at);
create index login_failures_age on login_failures (last_failed_at);
alter table accounts drop column failed_logins;
alter table accounts drop column locked_until;
