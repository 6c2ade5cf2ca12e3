-- The answers to POSTs sent with an Idempotency-Key header, one per (tenant, key): a retry with
-- the same key and request gets the stored answer; another request under that key is refused.
-- A row IN_PROGRESS belongs to a request still running (or to a node that died while running it:
-- it is taken over once locked_at is old). Rows past their time to live are claimed afresh.
create table idempotency_keys (
    scope          text        not null,
    idem_key       text        not null check (length(idem_key) between 1 and 255),
    request_hash   text        not null,
    state          text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    created_at     timestamptz not null,
    locked_at      timestamptz not null,
    status         integer,
    content_type   text,
    location       text,
    body           bytea,
    primary key (scope, idem_key),
    check (state = 'IN_PROGRESS' or status is not null)
);

create index idempotency_keys_created_at on idempotency_keys (created_at);
