-- The live quality figures of a call (issue 13.4), one row per 5-second window the operator's console summed
-- from getStats: what a supervisor looks at beside a poor recording. Figures of the network path only,
-- nothing personal; a window sent twice (a retry, or again after the operator rejoined) is written once.
create table call_quality (
  appeal_id uuid not null references appeals (id) on delete cascade,
  at timestamptz not null,
  account_id uuid references accounts (id) on delete set null,
  rtt_min_ms integer check (rtt_min_ms >= 0),
  rtt_avg_ms integer check (rtt_avg_ms >= 0),
  rtt_max_ms integer check (rtt_max_ms >= 0),
  loss_percent real check (loss_percent between 0 and 100),
  bitrate_kbps integer check (bitrate_kbps >= 0),
  frames_decoded integer not null check (frames_decoded >= 0),
  primary key (appeal_id, at)
);
