-- One territory (GeoJSON Polygon/MultiPolygon) per department (§8); `source` says demo or official.
create table territories (
  department_id text primary key references departments (id) on delete cascade,
  geometry jsonb not null,
  source text not null check (source in ('demo', 'official')),
  imported_at timestamptz not null default now()
);
