-- The deployment's own name, made once when its database is first migrated. Every
-- instance on this database reads the same one and namespaces its Redis keys and
-- channels by it, so deployments sharing one Redis never see each other's data.

create table platform_deployment (
  singleton boolean primary key default true check (singleton),
  id uuid not null default gen_random_uuid(),
  created_at timestamptz not null default now()
);

insert into platform_deployment default values;
