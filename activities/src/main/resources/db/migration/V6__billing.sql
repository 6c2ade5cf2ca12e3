-- Monthly interest bills: one bill per payer and period, one line per loan (README, Billing).

-- Who pays a platform's fees: AUTO bills the borrower when Avance collects the loan's repayment
-- by direct debit and the platform otherwise; PLATFORM or BORROWER force one payer.
alter table platforms
    add column fees_payer text not null default 'AUTO'
        check (fees_payer in ('AUTO', 'PLATFORM', 'BORROWER'));

create table bills (
    -- Derived from (period, payer type, payer id): the same payer's bill of a period is one row,
    -- whatever is retried or run twice.
    id              text primary key,
    -- The platform the bill belongs to: the payer itself, or the paying borrower's platform.
    platform_id     text        not null references platforms (id),
    -- First day of the billed month.
    period          date        not null check (extract(day from period) = 1),
    payer_type      text        not null check (payer_type in ('BORROWER', 'PLATFORM')),
    -- The borrower's id or the platform's id.
    payer_id        text        not null,
    borrower_id     text references borrowers (id),
    status          text        not null
        check (status in ('GENERATED', 'VALIDATED', 'TO_PAY', 'PAID')),
    total_cents     bigint      not null check (total_cents >= 0),
    lines_count     integer     not null check (lines_count >= 0),
    -- The day the bill was made (Europe/Paris) and the day it is collected or due.
    bill_date       date        not null,
    due_date        date        not null,
    -- A borrower's bill is collected by a direct debit (payments.payment_id 'bill-<id>:debit').
    payment_id      text,
    -- The debit's outcome as last recorded on the bill: PAID, RETURNED or FAILED (null before).
    payment_status  text,
    paid_at         timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint bills_payer_period_uk unique (payer_type, payer_id, period),
    constraint bills_borrower_payer_ck check (payer_type <> 'BORROWER' or borrower_id = payer_id)
);

create index bills_platform_created_idx on bills (platform_id, created_at, id);
create index bills_period_status_idx on bills (period, status, id);

-- What a loan is billed for a period. Exact amounts are cents with 4 decimals (0.05 % of a whole
-- number of cent-days has at most 4): accrued_before and accrued_through are the loan's exact
-- interest before and through this line, and billed_cents is round(through) - round(before), so
-- that a loan's lines add up to its whole interest rounded once.
create table bill_lines (
    -- No foreign keys on bill_id and loan_id: a run writes 100,000s of lines in one statement,
    -- and the keys' triggers, one check per row and key, took twice as long as the rest of the
    -- run (measured by BillingBenchmark: 11 s instead of 5 s for 100,000 loans). The generating
    -- activity writes a line only with the bill it inserts or finds in the same transaction, from
    -- a loan it read in that transaction; bills and loans are never deleted.
    bill_id         text           not null,
    loan_id         text           not null,
    period          date           not null,
    -- The days this line charges: [accrued_from, accrued_to), Europe/Paris calendar days.
    accrued_from    date           not null,
    accrued_to      date           not null,
    -- Days of that range with principal outstanding, and the sum of the principal over them.
    days            integer        not null check (days >= 0),
    principal_days  bigint         not null check (principal_days >= 0),
    principal_cents bigint         not null,
    accrued_before  numeric(24, 4) not null check (accrued_before >= 0),
    accrued_through numeric(24, 4) not null,
    interest_exact  numeric(24, 4) not null check (interest_exact >= 0),
    billed_cents    bigint         not null check (billed_cents >= 0),
    -- The principal was repaid by accrued_to: the loan has nothing more to bill.
    fully_billed    boolean        not null,
    primary key (loan_id, period),
    constraint bill_lines_range_ck check (accrued_from < accrued_to),
    constraint bill_lines_monotonic_ck check (accrued_through >= accrued_before)
);

create index bill_lines_bill_idx on bill_lines (bill_id, loan_id);
-- Loans billed out are left out of the next runs at the cost of this small index.
create index bill_lines_fully_billed_idx on bill_lines (loan_id) where fully_billed;
