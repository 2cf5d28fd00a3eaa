-- Units as live data (§13, issue 14): a patrol unit or a СОГ has a crew, a status and a position, reported by
-- its department's vehicle systems (an `integration` account) or set from the inspector's console.
alter table patrol_units drop constraint if exists patrol_units_kind_check;
alter table patrol_units add constraint patrol_units_kind_check check (kind in ('car', 'foot', 'moto', 'sog'));
alter table patrol_units add column crew int not null default 2 check (crew between 1 and 20);
alter table patrol_units add column status text not null default 'free'
  check (status in ('free', 'enRoute', 'onScene', 'busy', 'offDuty'));
alter table patrol_units add column status_at timestamptz not null default now();
alter table patrol_units add column card_id uuid references cards (id) on delete set null;
alter table patrol_units add column lat double precision;
alter table patrol_units add column lon double precision;
-- When the vehicle measured the position, and when central accepted it (the once-a-second limit counts that).
alter table patrol_units add column position_at timestamptz;
alter table patrol_units add column reported_at timestamptz;
create index patrol_units_card on patrol_units (card_id) where card_id is not null;

-- Every step of a unit, with who and when: dispatched to a card, a status from the console or the vehicle.
create table unit_steps (
  id bigint generated always as identity primary key,
  unit_id text not null references patrol_units (id) on delete cascade,
  card_id uuid references cards (id) on delete set null,
  from_status text not null,
  to_status text not null,
  -- The account that made the step: an inspector, or the department's integration account.
  account_id uuid references accounts (id) on delete set null,
  -- The console operation that carried a dispatch (null for a status from the vehicle or the API).
  operation_id uuid,
  at timestamptz not null default now()
);
create index unit_steps_unit on unit_steps (unit_id, id);
create index unit_steps_card on unit_steps (card_id, id) where card_id is not null;

-- The units a card was sent (in the order they were sent): the card changes with them, in one transaction.
alter table cards add column dispatched_unit_ids text[] not null default '{}';
