-- The admin's directory of competent services (§12.4, §28): what each service takes, in both languages,
-- beside its names; the services the demo or an earlier version wrote take nothing until the admin says.
alter table competent_services add column competence_kk text not null default '';
alter table competent_services add column competence_ru text not null default '';
