-- Retention (issue 11, item 14): a citizen's attachment and a call recording are kept 30 days (configurable),
-- then their bytes are removed. The row stays, marked, so a card still says a file existed and when it went.
alter table attachments add column purged_at timestamptz;
alter table recordings add column purged_at timestamptz;
create index attachments_to_purge on attachments (created_at) where purged_at is null;
create index recordings_to_purge on recordings (received_at) where purged_at is null;
