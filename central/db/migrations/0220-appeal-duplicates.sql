-- A possible duplicate linked to the open card it repeats (issue 12, item 5): the appeal leaves the inbox
-- without a card of its own, and its citizen follows that card's progress.
create table appeal_duplicates (
  appeal_id uuid primary key references appeals (id) on delete cascade,
  card_id uuid not null references cards (id) on delete cascade,
  account_id uuid references accounts (id) on delete set null,
  linked_at timestamptz not null default now()
);
create index appeal_duplicates_card on appeal_duplicates (card_id);
