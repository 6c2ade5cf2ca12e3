-- The optional penalty on late principal (README, Billing), billed with the loan's line of the
-- period but shown as a line of its own (kind PENALTY). Columns rather than a row per kind: the
-- line's key (loan_id, period) is billing's idempotency key, and the interest's running totals,
-- the closing of billed-out loans, payoffs and the ledger's bulk posting all read one row per
-- (loan, period). Zero on every line billed while the rate is 0 (the default), as before.
alter table bill_lines
    -- Days of the line after the loan's due date (to_repay_at) with principal outstanding.
    add column penalty_days           integer not null default 0 check (penalty_days >= 0),
    -- The principal summed over those days, in cent-days.
    add column penalty_principal_days bigint  not null default 0
        check (penalty_principal_days >= 0),
    -- penalty_principal_days × the daily rate, exact: unbounded scale, since the rate's decimals
    -- are a setting.
    add column penalty_exact          numeric not null default 0 check (penalty_exact >= 0),
    -- penalty_exact rounded once, half a cent up; part of the bill's total.
    add column penalty_cents          bigint  not null default 0 check (penalty_cents >= 0);
