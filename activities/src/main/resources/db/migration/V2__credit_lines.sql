-- Credit lines and the loans' reservations on them (DESIGN.md §6, invariant 2).
--
-- Balances are never stored: pending = sum(amount_cents) of PENDING reservations, outstanding =
-- sum(outstanding_cents) of CONFIRMED ones, available = max - outstanding - pending. A derived
-- balance cannot drift from the reservations it sums. Writers serialize on the credit line row
-- (select ... for update) before they read the sums and change a reservation.

create table credit_lines (
    borrower_id             text primary key references borrowers (id),
    platform_id             text          not null references platforms (id),
    max_amount_cents        bigint        not null check (max_amount_cents >= 0),
    fees_daily_rate_percent numeric(8, 4) not null default 0.05,
    status                  text          not null check (status in ('ACTIVE', 'EXPIRED', 'BLOCKED')),
    status_reason           text,
    expires_at              timestamptz   not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    -- Target of the reservations' (borrower_id, platform_id) key: a reservation is on its line's platform.
    constraint credit_lines_borrower_platform_uk unique (borrower_id, platform_id)
);

create index credit_lines_platform_idx on credit_lines (platform_id, borrower_id);

create table credit_reservations (
    loan_id           text primary key,
    borrower_id       text        not null references credit_lines (borrower_id),
    platform_id       text        not null,
    amount_cents      bigint      not null check (amount_cents > 0),
    outstanding_cents bigint      not null check (outstanding_cents >= 0),
    status            text        not null
        check (status in ('PENDING', 'CONFIRMED', 'RELEASED', 'REPAID')),
    reason            text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint credit_reservations_outstanding_ck check (outstanding_cents <= amount_cents),
    constraint credit_reservations_line_fk foreign key (borrower_id, platform_id)
        references credit_lines (borrower_id, platform_id)
);

create index credit_reservations_borrower_status_idx on credit_reservations (borrower_id, status);

-- One row per applied repayment, keyed by the caller (e.g. the incoming payment's id), so that a
-- repeated repay of the same money changes nothing. amount_cents is what was applied (0 when the
-- reservation had nothing outstanding left).
create table credit_repayments (
    loan_id       text        not null references credit_reservations (loan_id),
    platform_id   text        not null,
    repayment_key text        not null,
    amount_cents  bigint      not null check (amount_cents >= 0),
    created_at    timestamptz not null,
    primary key (loan_id, repayment_key)
);
