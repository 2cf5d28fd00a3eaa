-- Personal data at rest (issue 11 item 12): the applicant's identity and the citizen's words are stored sealed
-- (AES-256-GCM, central/db/personalData.ts) under a key outside the database (central/README.md "Personal data
-- key"). A sealed value is text, so the JSON columns that hold them become text; nothing queries inside them.
-- The rows already stored are sealed by central at its first start with a key (central/db/sealPersonalData.ts),
-- since SQL has no key. `data_key_probes` holds, per key that sealed rows here, a sealed known text: a key that
-- is missing or does not open it stops central instead of leaving the rows unreadable.
alter table appeals alter column applicant type text using applicant::text;
alter table cards alter column fields type text using fields::text;
alter table changes alter column payload type text using payload::text;
alter table bus_spill alter column payload type text using payload::text;
create table data_key_probes (
  key_id text primary key,
  probe text not null
);
