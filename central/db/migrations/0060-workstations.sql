-- The last readiness report (§27) per workstation.
create table workstation_reports (
  workstation_id text primary key,
  account_id uuid references accounts (id) on delete set null,
  report jsonb not null,
  received_at timestamptz not null default now()
);

-- Reads of applicants' identity (architecture.md "Personal data"): who, what, when; never the data itself.
create table audit_log (
  id bigserial primary key,
  account_id uuid,
  action text not null,
  subject_id text,
  at timestamptz not null default now()
);
