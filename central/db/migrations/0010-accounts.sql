-- Police departments (ДП of regions and cities, district departments beneath them) and patrol units.
create table departments (
  id text primary key,
  kind text not null check (kind in ('region', 'city', 'district')),
  parent_id text references departments (id) on delete restrict,
  code text not null unique,
  name_kk text not null,
  name_ru text not null,
  name_en text not null,
  seat_lat double precision,
  seat_lon double precision
);
create index departments_parent on departments (parent_id);

create table patrol_units (
  id text primary key,
  department_id text not null references departments (id) on delete cascade,
  call_sign text not null,
  kind text not null check (kind in ('car', 'foot', 'moto'))
);
create index patrol_units_department on patrol_units (department_id);

-- Accounts of §28: login, argon2 hash, role, department (null = national scope), lockout counters.
create table accounts (
  id uuid primary key,
  login text not null unique,
  password_hash text not null,
  role text not null,
  department_id text references departments (id) on delete restrict,
  display_name text not null,
  disabled boolean not null default false,
  failed_logins int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table refresh_tokens (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  expires_at timestamptz not null
);
create index refresh_tokens_account on refresh_tokens (account_id);

-- Instance-wide secrets (the JWT signing key) shared by every instance on one database.
create table settings (
  key text primary key,
  value text not null
);
