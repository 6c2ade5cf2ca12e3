-- Documents handed to borrowers: each stored once with its bytes and their SHA-256, so that every
-- request (and every retry of the activity that wrote it) answers the same bytes.
create table documents (
    id              text primary key,
    platform_id     text        not null references platforms (id),
    borrower_id     text        not null references borrowers (id),
    loan_id         text        not null references loans (id),
    kind            text        not null,
    content_type    text        not null,
    file_name       text        not null,
    content         bytea       not null,
    sha256          text        not null,
    created_at      timestamptz not null,
    delivery_status text        not null,
    delivered_at    timestamptz,
    constraint documents_once unique (loan_id, kind)
);

create index documents_loan_idx on documents (platform_id, loan_id, created_at);
