-- The bank simulator's own ledger, in its own schema and under its own Flyway history: a bank's
-- books are not Avance's, and nothing of Avance reads or writes them (Avance sees only files).

-- Every file Avance sent, kept as it arrived. (type, message_id) is the bank's idempotency key
-- for files: the same file twice is taken once.
create table banksim.received_files (
    id              bigserial primary key,
    type            text        not null,
    message_id      text        not null,
    xml             bytea       not null,
    received_at     timestamptz not null,
    -- When the bank answered it (pain.002 or camt.029); null while the answer is not due.
    acknowledged_at timestamptz,
    constraint received_files_message_uk unique (type, message_id)
);

create index received_files_unacknowledged_idx on banksim.received_files (received_at)
    where acknowledged_at is null;

-- One row per payment the bank executes or receives. end_to_end_id is the idempotency key of
-- Avance's payments (at most once, whatever file carries it again); an incoming credit has no
-- EndToEndId of Avance's, and is keyed by the bank's reference instead.
create table banksim.transactions (
    id                  bigserial primary key,
    end_to_end_id       text unique,
    bank_reference      text        not null unique,
    file_id             bigint references banksim.received_files (id),
    -- OUT: a credit transfer from Avance's account; DEBIT: a direct debit collected to it;
    -- IN: a credit from outside to one of Avance's accounts.
    direction           text        not null check (direction in ('OUT', 'DEBIT', 'IN')),
    amount_cents        bigint      not null check (amount_cents > 0),
    -- Avance's side: the pain.001 debtor, the pain.008 creditor, the credited account.
    account_iban        text        not null,
    counterparty_iban   text        not null,
    counterparty_name   text,
    counterparty_bic    text,
    remittance_text     text,
    creditor_reference  text,
    instant             boolean     not null default false,
    scheme              text check (scheme in ('CORE', 'B2B')),
    mandate_id          text,
    requested_date      date,
    -- When the bank will settle it, fixed on receipt (SCT Inst: seconds later; SCT and SDD: the
    -- start of the TARGET business day on or after the requested date).
    settle_at           timestamptz,
    settlement_date     date,
    status              text        not null check (status in
        ('RECEIVED', 'ACCEPTED', 'SETTLED', 'REJECTED', 'CANCELLED', 'RETURNED')),
    -- The ISO reason of a rejection or a return (AM04, MD06...).
    reason              text,
    received_at         timestamptz not null,
    settled_at          timestamptz,
    returned_at         timestamptz,
    updated_at          timestamptz not null,
    constraint transactions_debit_ck check (direction <> 'DEBIT'
        or (scheme is not null and mandate_id is not null)),
    constraint transactions_own_payment_ck check (direction = 'IN' or end_to_end_id is not null)
);

create index transactions_due_idx on banksim.transactions (settle_at) where status = 'ACCEPTED';
create index transactions_file_idx on banksim.transactions (file_id);

-- The double-entry ledger: every settlement and every return is one movement, two legs that sum
-- to zero. Balances are sums of legs, never stored.
create table banksim.postings (
    id             bigserial primary key,
    transaction_id bigint      not null references banksim.transactions (id),
    kind           text        not null check (kind in ('SETTLEMENT', 'RETURN')),
    leg            text        not null check (leg in ('DEBIT', 'CREDIT')),
    account_iban   text        not null,
    -- Signed: negative on the leg the money leaves.
    amount_cents   bigint      not null check (amount_cents <> 0),
    booked_on      date        not null,
    created_at     timestamptz not null,
    constraint postings_movement_uk unique (transaction_id, kind, leg)
);

create index postings_account_idx on banksim.postings (account_iban);

-- The bank's files to Avance, queued and delivered by the delivery loop. copy 2 is the
-- deliberate second delivery of the same file (setting duplicate-deliveries).
create table banksim.outgoing_files (
    id            bigserial primary key,
    type          text        not null,
    message_id    text        not null,
    copy          smallint    not null default 1,
    xml           bytea       not null,
    created_at    timestamptz not null,
    deliver_at    timestamptz not null,
    -- A node delivering the file holds it until then, outside any transaction.
    claimed_until timestamptz,
    delivered_at  timestamptz,
    -- The receiver refused it as invalid: never retried.
    refused_at    timestamptz,
    attempts      integer     not null default 0,
    last_error    text,
    constraint outgoing_files_copy_uk unique (message_id, copy)
);

create index outgoing_files_due_idx on banksim.outgoing_files (deliver_at, id)
    where delivered_at is null and refused_at is null;

-- Sandbox rules: reject this payment when it arrives.
create table banksim.rules (
    end_to_end_id text primary key,
    action        text        not null check (action in ('REJECT')),
    reason        text        not null,
    created_at    timestamptz not null,
    applied_at    timestamptz
);

-- The bank's numbers: its message ids and its references.
create sequence banksim.message_seq;
create sequence banksim.reference_seq;
