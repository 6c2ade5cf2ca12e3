-- An operator's write-off of a loan: one per loan (the key of its idempotence), with the amounts
-- the ledger entry <loan>:write-off moved to Avance's write-off expense. The note is bounded so
-- that no document is pasted into it.
create table loan_write_offs (
    loan_id         text        primary key references loans (id),
    written_off_at  timestamptz not null,
    actor           text        not null,
    reason          text        not null
        check (reason in ('DEFAULTED', 'FRAUD', 'SETTLED_FOR_LESS', 'OTHER')),
    note            text        check (length(note) <= 500),
    principal_cents bigint      not null check (principal_cents >= 0),
    interest_cents  bigint      not null check (interest_cents >= 0),
    penalties_cents bigint      not null check (penalties_cents >= 0)
);
