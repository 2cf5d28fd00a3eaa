-- The operator's inbox (issue 12). A claim: the operator working on a waiting appeal, so nobody else takes
-- it; one per appeal, released when the operator's console goes away (central/inbox/claimRelease.ts).
create table inbox_claims (
  appeal_id uuid primary key references appeals (id) on delete cascade,
  account_id uuid not null references accounts (id) on delete cascade,
  claimed_at timestamptz not null default now()
);
create index inbox_claims_account on inbox_claims (account_id);

-- Competent services (§12.4): where a non-urgent text goes instead of becoming a card; admin-editable.
create table competent_services (
  id text primary key,
  name_kk text not null,
  name_ru text not null
);

-- Where an appeal was forwarded and why: it never becomes a card, and the citizen is told which service.
create table appeal_forwards (
  appeal_id uuid primary key references appeals (id) on delete cascade,
  service_id text not null references competent_services (id),
  reason text not null,
  account_id uuid references accounts (id) on delete set null,
  forwarded_at timestamptz not null default now()
);
