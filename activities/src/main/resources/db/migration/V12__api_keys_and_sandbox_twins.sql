-- A platform is one LIVE row and its SANDBOX twin, and every API key belongs to exactly one of the
-- two rows: the row is the tenant, so the tenancy of every table (each read filters on
-- platform_id) keeps sandbox data and live data apart with no change to the data tables.
--
-- Keys leave platforms for a table of their own, so that a row can have two active keys at once
-- (a rotation without downtime), revoked keys, and a last use. Only the SHA-256 of a key is kept:
-- keys are about 190 random bits, so a slow hash adds nothing. The prefix (the kind and a few
-- characters, `avk_live_Ab3x`) tells keys apart on a screen; it is null for the keys moved here
-- from platforms.api_key_hash, of which only the hash was ever stored.
create table api_keys (
    id           text primary key,
    platform_id  text        not null references platforms (id),
    prefix       text,
    key_hash     text        not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_keys_platform_created_idx on api_keys (platform_id, created_at, id);

-- The existing keys keep working: each becomes its platform row's one active key.
insert into api_keys (id, platform_id, prefix, key_hash, created_at)
select gen_random_uuid()::text, id, null, api_key_hash, created_at
from platforms;

alter table platforms drop column api_key_hash;

-- One sandbox per live platform, and a live platform's sandbox is found by its live id.
create unique index platforms_one_sandbox_uk on platforms (live_platform_id)
    where live_platform_id is not null;

-- Every live platform gets its sandbox twin, `<id>_sandbox`: the underscore is outside the
-- alphabet of the ids operators choose ([a-z0-9-]), so a twin's id is never a live one's. It bills
-- like its live platform, so that a platform tries in the sandbox the billing it will get.
insert into platforms (id, name, environment, live_platform_id, fees_payer, created_at)
select p.id || '_sandbox', p.name, 'SANDBOX', p.id, p.fees_payer, p.created_at
from platforms p
where p.environment = 'LIVE'
  and not exists (select 1 from platforms t where t.live_platform_id = p.id)
on conflict (id) do nothing;
