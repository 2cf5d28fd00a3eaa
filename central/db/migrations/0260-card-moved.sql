-- A card that leaves an audience (a territory, or the author's department for a draft with no place) is told to
-- that audience as its own entry of the feed (issue 14): its id, version and new department, nothing else.
alter table changes drop constraint changes_entity_check;
alter table changes add constraint changes_entity_check check (entity in ('card', 'chat', 'cardMoved'));
