-- The senior inspector's board and the duty unit (issue 14, §10, §13–15).
-- §13's acknowledgement timer: when the card was last sent to the inspector and when one took it; the first
-- instance to ring the supervisor about an untaken card marks it, so it rings once however many instances run.
alter table cards add column sent_at timestamptz;
alter table cards add column taken_at timestamptz;
alter table cards add column ack_escalated_at timestamptz;
-- How the card ended (domain/cards/outcome.ts), set by `close`.
alter table cards add column outcome text;
create index cards_waiting_for_inspector on cards (sent_at)
  where taken_at is null and ack_escalated_at is null and status = 'sentToInspector';

-- §15 reference records (registered weapons, previous convictions, psychiatric register, other danger marks).
-- The demo seeds clearly fictional ones; a real deployment fills this from the ministry's registers.
create table reference_records (
  id uuid primary key,
  iin text,
  name text not null,
  kind text not null,
  note text not null default '',
  created_at timestamptz not null default now()
);
create index reference_records_iin on reference_records (iin);
create index reference_records_name on reference_records (lower(name));

-- Every check of a person against those records: who, when, whom, why (§15), whatever it found.
create table reference_checks (
  id uuid primary key,
  card_id uuid not null references cards (id) on delete cascade,
  account_id uuid references accounts (id) on delete set null,
  person_name text,
  person_iin text,
  reason text not null,
  found int not null,
  at timestamptz not null default now()
);
create index reference_checks_card on reference_checks (card_id, at);

-- A warning for the units sent to a card: one per record found for a person checked.
create table card_warnings (
  id uuid primary key,
  card_id uuid not null references cards (id) on delete cascade,
  check_id uuid not null references reference_checks (id) on delete cascade,
  person_name text,
  kind text not null,
  note text not null default '',
  created_at timestamptz not null default now()
);
create index card_warnings_card on card_warnings (card_id, created_at);
