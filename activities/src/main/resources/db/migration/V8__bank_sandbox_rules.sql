-- Sandbox only: outcomes a test or a demo asks the simulated bank to give a payment that has
-- not reached it yet (a payout due today settles at once, so it cannot be failed afterwards).
create table bank_sandbox_rules (
    payment_id text primary key,
    action     text        not null,
    reason     text        not null,
    created_at timestamptz not null
);
