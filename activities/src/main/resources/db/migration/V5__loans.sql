-- The loans' read model: what GET /loans lists and filters, written by the loan workflows'
-- activities. The workflow is the source of truth; this is its projection.

create table loans (
    id                          text primary key,
    platform_id                 text        not null references platforms (id),
    borrower_id                 text        not null references borrowers (id),
    salt_id                     text        not null,
    request_hash                text        not null,
    loan_type                   text        not null,
    status                      text        not null,
    denial_reason               text,
    amount_cents                bigint      not null check (amount_cents > 0),
    outstanding_principal_cents bigint      not null default 0,
    invoice_number              text        not null,
    invoice_amount_cents        bigint      not null,
    invoice_issue_date          date,
    invoice_due_date            date,
    debtor_name                 text,
    debtor_identifier           text,
    to_account_iban             text,
    loan_to_iban                text        not null,
    loan_to_bic                 text,
    to_pay_at                   date        not null,
    to_repay_at                 date        not null,
    requested_to_repay_at       date        not null,
    paid_at                     timestamptz,
    repaid_at                   timestamptz,
    is_late                     boolean     not null default false,
    postponed                   boolean     not null default false,
    auto_validate               boolean     not null,
    remittance_reference        text        not null unique,
    repayment_method            text,
    metadata                    jsonb,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    constraint loans_platform_salt_uk unique (platform_id, salt_id)
);

create index loans_platform_created_idx on loans (platform_id, created_at, id);
create index loans_borrower_status_idx on loans (borrower_id, status);
create index loans_invoice_idx on loans (platform_id, borrower_id, invoice_number);
