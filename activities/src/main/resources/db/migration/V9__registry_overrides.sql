-- Sandbox only: what the simulated company registry says of a number, set through the API so that
-- a platform can try each eligibility outcome with its own test data.
create table registry_overrides (
    country    text        not null,
    identifier text        not null,
    scenario   text        not null,
    created_at timestamptz not null,
    primary key (country, identifier)
);
