-- The audit log becomes append-only and hash-chained (architecture.md "Personal data"): each entry says why
-- it was read and carries sha256(previous hash || this entry), so an edited or removed entry breaks the chain.
alter table audit_log add column reason text not null default '';
alter table audit_log add column prev_hash bytea;
alter table audit_log add column hash bytea;

-- Entries written before the chain existed are chained here, in order.
do $$
declare
  entry record;
  previous bytea := null;
begin
  for entry in select id, account_id, action, subject_id, reason, at from audit_log order by id loop
    update audit_log
      set prev_hash = previous,
          hash = sha256(coalesce(previous, ''::bytea) || convert_to(concat_ws(E'\x1f',
            coalesce(entry.account_id::text, ''), entry.action, coalesce(entry.subject_id, ''), entry.reason,
            to_char(entry.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), 'UTF8'))
      where id = entry.id
      returning hash into previous;
  end loop;
end $$;
alter table audit_log alter column hash set not null;

-- Nobody edits or removes an entry through the database either; the chain shows it if someone does anyway.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete or truncate on audit_log
  for each statement execute function audit_log_append_only();
