-- What Avance's operators did: who (the fingerprint of the operator key, never the key), what
-- (an action such as `key.issue`), on what (the platform, and the key, bill or run acted on), and
-- when. No secret goes in: a key issued is named by its id and prefix. Rows are never updated or
-- deleted, and have no foreign keys so that nothing they name can take them away.
create table audit_log (
    id          text primary key,
    created_at  timestamptz not null,
    actor       text        not null,
    action      text        not null,
    platform_id text,
    target      text,
    details     jsonb
);

create index audit_log_created_idx on audit_log (created_at, id);
create index audit_log_platform_created_idx on audit_log (platform_id, created_at, id);
