-- Every client operation applied once: the id is the primary key, written with its effect.
create table sync_operations (
  id uuid primary key,
  account_id uuid not null,
  type text not null,
  card_id uuid not null,
  status text not null check (status in ('applied', 'rejected')),
  seq bigint,
  reason text,
  received_at timestamptz not null default now()
);

-- The change feed: a monotonic sequence of what changed, with the department that may see it.
create table changes (
  seq bigserial primary key,
  entity text not null check (entity in ('card', 'chat')),
  entity_id uuid not null,
  department_id text,
  owner_id uuid,
  payload jsonb not null,
  at timestamptz not null default now()
);
create index changes_department_seq on changes (department_id, seq);

-- NOTIFY carries at most 8000 bytes; larger realtime events (SDP offers, long texts) are parked here
-- and the notification carries only their id.
create table bus_spill (
  id uuid primary key,
  payload jsonb not null,
  at timestamptz not null default now()
);
