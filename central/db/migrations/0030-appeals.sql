-- Per-scope, per-year counters for human-readable numbers (appeals, and cards per department).
create table counters (
  scope text not null,
  year int not null,
  last int not null,
  primary key (scope, year)
);

-- Citizens' appeals from every channel; `applicant` is null for anonymous ones.
create table appeals (
  id uuid primary key,
  number text not null unique,
  kind text not null check (kind in ('text', 'sos', 'callRequest')),
  channel text not null,
  via text,
  language text not null,
  category text,
  text text,
  media text,
  lat double precision,
  lon double precision,
  department_id text references departments (id) on delete set null,
  routed_by text not null,
  anonymous boolean not null,
  applicant jsonb,
  status text not null,
  citizen_token_hash text not null,
  accepted_by uuid references accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index appeals_department_created on appeals (department_id, created_at desc);

-- Attachments live on disk under generated names; the citizen's file name is only shown.
create table attachments (
  id uuid primary key,
  appeal_id uuid not null references appeals (id) on delete cascade,
  kind text not null,
  name text not null,
  content_type text not null,
  bytes bigint not null,
  storage_name text not null,
  created_at timestamptz not null default now()
);
create index attachments_appeal on attachments (appeal_id);

create table chat_messages (
  id uuid primary key,
  appeal_id uuid not null references appeals (id) on delete cascade,
  sender text not null check (sender in ('citizen', 'staff')),
  account_id uuid references accounts (id) on delete set null,
  text text not null,
  created_at timestamptz not null default now()
);
create index chat_messages_appeal on chat_messages (appeal_id, created_at);

-- Appeal numbers come from a sequence, not a counter row: intake must not queue behind one locked row.
create sequence appeal_numbers;
