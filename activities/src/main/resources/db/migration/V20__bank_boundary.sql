-- The bank boundary (README, The bank): Avance and its bank exchange ISO 20022 files only.
-- Outgoing files (pain.001, pain.008, camt.055) are written here in the transaction of the
-- payment they carry, then handed to the bank by a sender, at least once; incoming files
-- (pain.002, camt.054, camt.053, camt.029) are stored here, once per message id, with their
-- entries, in the transaction that applies them. The simulated bank of earlier versions kept its
-- ledger in Avance's own tables, in Avance's transaction; the bank simulator now keeps its own, in
-- its own schema (banksim), and bank_transfers and bank_sandbox_rules are left unused.

create table bank_messages (
    id           bigserial primary key,
    direction    text        not null check (direction in ('OUT', 'IN')),
    -- LIVE: the real bank; SANDBOX: the bank simulator. A file of one channel never touches a
    -- payment or an account of the other.
    channel      text        not null check (channel in ('LIVE', 'SANDBOX')),
    -- The ISO 20022 message definition, e.g. pain.001.001.10.
    message_type text        not null,
    -- GrpHdr/MsgId (Assgnmt/Id for camt.055/.029): the bank takes a message id once, and Avance
    -- applies an incoming one once.
    message_id   text        not null,
    -- OUT: PENDING until the bank took it, then SENT. IN: APPLIED (stored with its entries, in
    -- the transaction that applied them).
    status       text        not null check (status in ('PENDING', 'SENT', 'APPLIED')),
    xml          bytea       not null,
    sha256       text        not null,
    entries      integer     not null default 0,
    attempts     integer     not null default 0,
    last_error   text,
    created_at   timestamptz not null,
    sent_at      timestamptz,
    constraint bank_messages_id_uk unique (direction, channel, message_id)
);

create index bank_messages_pending_idx on bank_messages (id) where status = 'PENDING';
create index bank_messages_list_idx on bank_messages (direction, id);

-- Every entry of an incoming file: a payment's status (pain.002, camt.029) or a booking
-- (camt.054, camt.053), with what Avance made of it. entry_key is the entry's business key (the
-- bank's booking reference, or the status's own key), so that a booking reported by a camt.054
-- and again by the day's camt.053 is applied once.
create table bank_entries (
    id                 bigserial primary key,
    message_id         bigint      not null references bank_messages (id),
    entry_key          text        not null,
    kind               text        not null,
    outcome            text        not null,
    end_to_end_id      text,
    payment_id         text,
    amount_cents       bigint,
    currency           text,
    reason_code        text,
    account_iban       text,
    bank_reference     text,
    booking_date       date,
    detail             text,
    -- Work left for the workflows once the entry is committed (reconcile a credit, tell a loan
    -- its debit came back), done at least once by the relay; null when there is none.
    follow_up          text,
    follow_up_done_at  timestamptz,
    follow_up_attempts integer     not null default 0,
    created_at         timestamptz not null,
    constraint bank_entries_key_uk unique (entry_key)
);

create index bank_entries_message_idx on bank_entries (message_id, id);
create index bank_entries_follow_up_idx on bank_entries (id)
    where follow_up is not null and follow_up_done_at is null;
create index bank_entries_payment_idx on bank_entries (payment_id, id);

-- What the bank needs of a payment, fixed when it is instructed, and what the bank said of it.
alter table payments
    add column channel              text check (channel in ('LIVE', 'SANDBOX')),
    -- Derived from the payment id (stable across every retry and crash); at most 35 characters.
    add column end_to_end_id        text unique,
    add column message_id           bigint references bank_messages (id),
    -- SDD only: CORE or B2B, FRST or RCUR.
    add column scheme               text,
    add column sequence_type        text,
    -- The bank's acknowledgement before the booking: SENT, ACCEPTED, REJECTED, CANCELLED,
    -- CANCEL_REFUSED (the payment itself follows status).
    add column bank_status          text,
    add column settled_amount_cents bigint,
    add column returned_at          timestamptz,
    -- A withdrawal asked of the bank (camt.055), and its message.
    add column cancel_requested_at  timestamptz,
    add column cancel_message_id    bigint references bank_messages (id),
    -- A refund pays back a parked credit: the credit it pays back.
    add column refund_of            text;

alter table payments drop constraint payments_type_check;
alter table payments
    add constraint payments_type_check
        check (type in ('PAYOUT', 'DIRECT_DEBIT', 'INCOMING_TRANSFER', 'REFUND'));

-- Credits now come from bank files only (camt.054/.053 entries); they carry the channel of the
-- file, the payer's name and the structured reference when the bank reported them, and the bill
-- they paid.
alter table bank_incoming_credits
    add column channel            text not null default 'LIVE'
        check (channel in ('LIVE', 'SANDBOX')),
    add column from_name          text,
    add column creditor_reference text,
    add column matched_bill_id    text,
    add column refunded_amount_cents bigint not null default 0;

alter table bank_incoming_credits drop constraint bank_incoming_credits_status_check;
alter table bank_incoming_credits
    add constraint bank_incoming_credits_status_check
        check (status in ('RECEIVED', 'MATCHED', 'PARKED', 'REFUNDED'));

-- A direct debit returned after it settled undoes its repayment: a negative repayment keyed
-- '<key>:returned', from the day of the return, so that the principal timeline rises again.
alter table credit_repayments drop constraint credit_repayments_amount_cents_check;
alter table credit_repayments
    add constraint credit_repayments_amount_cents_check
        check (amount_cents >= 0 or repayment_key like '%:returned');
