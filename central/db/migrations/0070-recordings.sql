-- Call recordings' metadata from the consoles (recording.meta); the bytes are a card file upload with the
-- same id. Nothing personal: who is on the recording is in the card, and reading it is audited.
create table recordings (
  file_id uuid primary key,
  card_id uuid not null references cards (id) on delete cascade,
  kind text not null check (kind in ('call')),
  account_id uuid references accounts (id) on delete set null,
  started_at timestamptz not null,
  duration_ms bigint not null check (duration_ms >= 0),
  mime_type text not null,
  size bigint not null check (size > 0),
  sha256 text not null,
  received_at timestamptz not null default now()
);
create index recordings_card on recordings (card_id, started_at);
