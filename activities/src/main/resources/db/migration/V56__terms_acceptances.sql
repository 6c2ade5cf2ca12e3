-- Which version of the T&Cs a borrower accepted, in which language: one row per acceptance, the
-- latest one counts. A borrower signed before versions existed (signed_at, no row) accepted the
-- first version, in its country's language.
create table terms_acceptances (
    id          bigserial primary key,
    platform_id text        not null references platforms (id),
    borrower_id text        not null references borrowers (id),
    version     text        not null,
    language    text        not null,
    signed_at   timestamptz not null,
    created_at  timestamptz not null
);

create index terms_acceptances_borrower_idx on terms_acceptances (borrower_id, id);
