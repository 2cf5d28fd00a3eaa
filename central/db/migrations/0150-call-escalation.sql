-- A call unanswered after the escalation time also rings the supervisor and the neighbouring territories
-- (issue 13): the first instance to escalate it marks it, so it escalates once however many instances run.
alter table appeals add column escalated_at timestamptz;
