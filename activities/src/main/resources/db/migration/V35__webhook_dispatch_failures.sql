-- An event the relay cannot turn into deliveries (its entity fails to render, the delivery cannot
-- start) is retried with backoff on its own, then set aside as dead: it must never hold back the
-- events after it, of its platform or any other.
alter table domain_events add column dispatch_attempts integer not null default 0;
alter table domain_events add column dispatch_next_at timestamptz;
alter table domain_events add column dispatch_error text;
alter table domain_events add column dispatch_dead_at timestamptz;
