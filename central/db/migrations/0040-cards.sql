-- The ЖБО electronic card register (§9): fields as validated JSON, workflow status and version.
create table cards (
  id uuid primary key,
  number text not null unique,
  department_id text references departments (id) on delete set null,
  status text not null,
  fields jsonb not null,
  kuizh_number text,
  -- The number the console showed before central numbered the card.
  local_number int,
  version int not null default 1,
  created_by uuid references accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cards_department_updated on cards (department_id, updated_at desc);

-- Who moved a card and when (§9–15).
create table card_transitions (
  id bigserial primary key,
  card_id uuid not null references cards (id) on delete cascade,
  transition text not null,
  from_status text not null,
  to_status text not null,
  account_id uuid references accounts (id) on delete set null,
  note text,
  at timestamptz not null default now()
);
create index card_transitions_card on card_transitions (card_id, id);
