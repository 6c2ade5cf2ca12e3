-- A sandbox registry override (POST /sandbox/company-eligibility) belongs to the platform row
-- that set it and applies to that row's borrowers only: before, one platform's scenario decided
-- the eligibility of every platform's borrowers with the same number. The overrides set before
-- belong to no one that can be told apart; they are sandbox test settings, set again in a call.
delete from registry_overrides;

alter table registry_overrides
    add column platform_id text not null references platforms (id),
    drop constraint registry_overrides_pkey,
    add primary key (platform_id, country, identifier);
