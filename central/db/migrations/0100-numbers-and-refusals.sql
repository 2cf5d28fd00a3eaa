-- A card gets its register number only once it has content (central/cards/registerNumber.ts), so a
-- draft may have none yet; several unnumbered cards do not collide on the unique index.
alter table cards alter column number drop not null;

-- A rejected operation's refusal (domain/contract/refusal.ts: code and params), repeated to every `duplicate`.
alter table sync_operations add column refusal jsonb;

-- Where the citizen says it happened, in words, when their device could not find the place (widget).
alter table appeals add column address_text text;
