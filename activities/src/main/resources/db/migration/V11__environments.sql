-- Live and sandbox apart (DESIGN.md §6, invariant 8): every platform row is one environment of a
-- platform, LIVE (real money, the real bank) or SANDBOX (the bank simulator). Data belongs to a
-- platform row, and every read filters on platform_id, so data made with one kind of key is
-- invisible to the other. A sandbox row is tied to its live platform by live_platform_id.
alter table platforms
    add column environment text not null default 'LIVE'
        check (environment in ('LIVE', 'SANDBOX')),
    add column live_platform_id text references platforms (id);

alter table platforms
    add constraint platforms_sandbox_of_live_ck
        check ((environment = 'LIVE') = (live_platform_id is null));
