-- The books (README, The books): a double-entry ledger that holds every money fact once.
--
-- An account is named by a code that says whose it is and what it holds, e.g.
-- 'loan:<id>:PRINCIPAL', 'borrower:<id>:UNASSIGNED', 'avance:LIVE:BANK_CASH'. Avance's own accounts
-- are per channel: the sandbox's simulated money never mixes with the live bank's.
create table ledger_accounts (
    code       text primary key,
    -- LOAN, BORROWER, PLATFORM or AVANCE.
    owner_type text        not null check (owner_type in ('LOAN', 'BORROWER', 'PLATFORM', 'AVANCE')),
    -- The loan, borrower or platform id; the channel for Avance's own accounts.
    owner_id   text        not null,
    kind       text        not null,
    created_at timestamptz not null
);

create index ledger_accounts_owner_idx on ledger_accounts (owner_type, owner_id);

-- One row per money fact, keyed by its business key ('<loan>:payout:booked',
-- 'credit:<ref>:received', 'bill-<id>:paid:<source>', ...): a fact posted twice is one entry.
create table ledger_entries (
    id          bigserial primary key,
    entry_key   text        not null,
    kind        text        not null,
    -- The loan the entry concerns, if any (GET /loan/{id}/ledger), and its platform (tenancy).
    loan_id     text,
    platform_id text,
    -- When the fact happened (the bank's booking day, the repayment's time), and when it was posted.
    occurred_at timestamptz not null,
    created_at  timestamptz not null,
    constraint ledger_entries_key_uk unique (entry_key)
);

create index ledger_entries_loan_idx on ledger_entries (loan_id, id) where loan_id is not null;

-- Signed cents: a debit is positive, a credit negative; an entry's lines add up to zero.
create table ledger_lines (
    id           bigserial primary key,
    entry_id     bigint not null references ledger_entries (id),
    account      text   not null references ledger_accounts (code),
    amount_cents bigint not null check (amount_cents <> 0),
    side         text generated always as (
                     case when amount_cents > 0 then 'DEBIT' else 'CREDIT' end) stored
);

create index ledger_lines_entry_idx on ledger_lines (entry_id, id);
create index ledger_lines_account_idx on ledger_lines (account, entry_id);

-- Refuses an unbalanced entry at commit. Deferred, so that an entry's lines can be written one by
-- one in its transaction; only the entry's last line sums the entry, so that a bulk insert of many
-- entries costs one index probe per line and one sum per entry.
create function ledger_entry_balanced() returns trigger language plpgsql as $$
declare
    total bigint;
begin
    if exists (select 1 from ledger_lines where entry_id = new.entry_id and id > new.id) then
        return null;
    end if;
    select coalesce(sum(amount_cents), 0) into total from ledger_lines where entry_id = new.entry_id;
    if total <> 0 then
        raise exception 'ledger entry % is unbalanced by % cents', new.entry_id, total
            using errcode = '23514';
    end if;
    return null;
end;
$$;

create constraint trigger ledger_lines_balanced
    after insert or update on ledger_lines
    deferrable initially deferred
    for each row execute function ledger_entry_balanced();

-- The books never forget: an entry and its lines are never updated or deleted.
create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger ledger_lines_append_only before update or delete on ledger_lines
    for each row execute function ledger_append_only();
create trigger ledger_entries_append_only before update or delete on ledger_entries
    for each row execute function ledger_append_only();

-- Which way the bank moved the money of a booking: the cash check adds the bank's movements
-- with their sign (true: money in, a CRDT entry).
alter table bank_entries add column credit boolean;
