-- A call whose console window was reloaded is recorded in parts, one per MediaRecorder session (issue 13 items
-- 5, 6): each recording names its call (the appeal) and its part, so the supervisor hears one call in order.
-- Recordings registered before have neither: each is a call of one part.
alter table recordings add column appeal_id uuid references appeals (id) on delete set null;
alter table recordings add column part integer check (part between 1 and 100);
create index recordings_card_call on recordings (card_id, appeal_id, part);
