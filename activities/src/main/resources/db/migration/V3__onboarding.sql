-- Onboarding: registry data, the virtual IBAN for SCT repayments, repayment methods with their
-- SEPA mandates, financial data for scoring, and the domain events webhooks will deliver.

alter table borrowers
    add column legal_form         text,
    add column company_created_on date,
    add column virtual_iban       text unique;

-- Feeds the account number of each borrower's virtual IBAN.
create sequence borrower_account_seq;

create table repayment_methods (
    id                                  text primary key,
    borrower_id                         text        not null references borrowers (id),
    platform_id                         text        not null references platforms (id),
    payment_method                      text        not null,
    status                              text        not null,
    is_default                          boolean     not null,
    iban                                text,
    bic                                 text,
    business_email                      text,
    representative_birth_date           date,
    representative_nationality          text,
    representative_country_of_residence text,
    mandate_reference                   text unique,
    mandate_signed_at                   timestamptz,
    apply_to_all_active_loans           boolean     not null,
    name                                text,
    created_at                          timestamptz not null,
    updated_at                          timestamptz not null
);

create unique index repayment_methods_one_default on repayment_methods (borrower_id) where is_default;
create index repayment_methods_borrower_idx on repayment_methods (platform_id, borrower_id, created_at);

create table financial_data (
    borrower_id              text        not null references borrowers (id),
    platform_id              text        not null references platforms (id),
    request_id               text        not null,
    annual_revenue_cents     bigint check (annual_revenue_cents >= 0),
    sales_history_months     integer check (sales_history_months >= 0),
    accounting_data_provided boolean,
    submitted_at             timestamptz not null,
    primary key (borrower_id, request_id)
);

create table domain_events (
    id          bigserial primary key,
    platform_id text        not null references platforms (id),
    entity_type text        not null,
    entity_id   text        not null,
    event_type  text        not null,
    -- The business key of the step that emitted it (entity id + sequence): retries write nothing.
    event_key   text        not null unique,
    occurred_at timestamptz not null
);

create index domain_events_platform_idx on domain_events (platform_id, id);
create index domain_events_entity_idx on domain_events (entity_id, id);
