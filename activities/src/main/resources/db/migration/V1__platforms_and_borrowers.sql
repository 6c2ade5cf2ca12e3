-- Every table that holds platform data carries platform_id, and every read filters on it.

create table platforms (
    id           text primary key,
    name         text        not null,
    -- SHA-256 of the API key; keys are 192-bit random so a slow hash adds nothing.
    api_key_hash text        not null unique,
    created_at   timestamptz not null default now()
);

create table borrowers (
    id              text primary key,
    platform_id     text        not null references platforms (id),
    identifier      text        not null,
    identifier_type text        not null,
    country         text        not null,
    name            text,
    status          text        not null,
    status_reason   text,
    signed_at       timestamptz,
    metadata        jsonb,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint borrowers_platform_identifier_uk unique (platform_id, country, identifier)
);

create index borrowers_platform_created_idx on borrowers (platform_id, created_at, id);
