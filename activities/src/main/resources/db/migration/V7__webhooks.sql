-- Webhooks: subscriptions, and one delivery per (subscription, event) with its attempt log.
-- domain_events is the outbox: a dispatcher marks each event once it has become deliveries.

alter table domain_events add column dispatched_at timestamptz;
create index domain_events_undispatched_idx on domain_events (id) where dispatched_at is null;

create table webhook_subscriptions (
    id          text primary key,
    platform_id text        not null references platforms (id),
    to_url      text        not null,
    event_types text[]      not null,
    -- The HMAC key; shown once at creation, needed afterwards to sign every delivery.
    secret      text        not null,
    created_at  timestamptz not null,
    deleted_at  timestamptz
);

create index webhook_subscriptions_platform_idx on webhook_subscriptions (platform_id, created_at);

create table webhook_deliveries (
    id               text primary key,
    subscription_id  text        not null references webhook_subscriptions (id),
    platform_id      text        not null references platforms (id),
    event_id         bigint      not null references domain_events (id),
    event_type       text        not null,
    status           text        not null,
    attempts         integer     not null default 0,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    delivered_at     timestamptz,
    constraint webhook_deliveries_once unique (subscription_id, event_id)
);

create index webhook_deliveries_subscription_idx on webhook_deliveries (subscription_id, created_at);
