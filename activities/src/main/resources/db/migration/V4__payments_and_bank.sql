-- Payments of the loans (Avance's read model) and the simulated SEPA bank's own tables.

-- One row per payment id (loan id + step, e.g. '<loan>:payout'), written by the payment
-- activities: the row is inserted once, with the bank instruction, and then follows the bank's
-- outcome. Like every platform table it carries platform_id, and every read filters on it.
create table payments (
    payment_id           text primary key,
    loan_id              text        not null,
    platform_id          text        not null references platforms (id),
    borrower_id          text        not null,
    type                 text        not null
        check (type in ('PAYOUT', 'DIRECT_DEBIT', 'INCOMING_TRANSFER')),
    amount_cents         bigint      not null check (amount_cents > 0),
    status               text        not null
        check (status in ('INSTRUCTED', 'PAID', 'FAILED', 'RETURNED', 'CANCELED')),
    -- The bank's rejection reason (FAILED) or the SEPA R-code (RETURNED).
    failure_reason       text,
    iban                 text,
    bic                  text,
    mandate_reference    text,
    remittance_reference text,
    -- Requested execution (payout) or collection (debit) date.
    execution_date       date,
    instructed_at        timestamptz,
    paid_at              timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);

create index payments_platform_loan_idx on payments (platform_id, loan_id, created_at);

-- The SIMULATED bank's ledger: what the bank received, as the bank sees it. Not platform data (a
-- bank knows accounts, not platforms), hence no platform_id. payment_id is the bank's idempotency
-- key: a payment id is accepted at most once, whatever is retried (DESIGN.md §6, invariant 3).
create table bank_transfers (
    bank_transfer_id       bigserial primary key,
    payment_id             text        not null unique,
    -- OUT: a credit transfer (payout); DEBIT: a direct debit collection.
    direction              text        not null check (direction in ('OUT', 'DEBIT')),
    amount_cents           bigint      not null check (amount_cents > 0),
    iban                   text        not null,
    bic                    text,
    mandate_reference      text,
    remittance_information text,
    -- As requested (a payout without a date is executed on the day it is received).
    execution_date         date        not null,
    -- The TARGET business day on which the transfer settles, fixed when it is received.
    settles_on             date        not null,
    status                 text        not null
        check (status in ('PENDING', 'SETTLED', 'REJECTED', 'RETURNED', 'WITHDRAWN')),
    rejection_reason       text,
    -- SEPA R-code of a returned direct debit (e.g. AM04: insufficient funds).
    return_code            text,
    received_at            timestamptz not null,
    settled_at             timestamptz,
    updated_at             timestamptz not null,
    constraint bank_transfers_debit_mandate_ck
        check (direction <> 'DEBIT' or mandate_reference is not null)
);

-- Credits received on the borrowers' virtual IBANs (SCT repayments), matched to loans by their
-- RF reference; money that matches nothing is PARKED for operators, never dropped.
create table bank_incoming_credits (
    id                     bigserial primary key,
    -- The bank's own reference of the credit: a credit reported twice is stored once.
    bank_reference         text        not null unique,
    to_iban                text        not null,
    from_iban              text,
    amount_cents           bigint      not null check (amount_cents > 0),
    remittance_information text,
    received_at            timestamptz not null,
    matched_loan_id        text,
    status                 text        not null default 'RECEIVED'
        check (status in ('RECEIVED', 'MATCHED', 'PARKED'))
);

create index bank_incoming_credits_status_idx on bank_incoming_credits (status, id);
create index bank_incoming_credits_to_iban_idx on bank_incoming_credits (to_iban, id);
