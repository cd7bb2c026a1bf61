-- Credentials live here, never in events. The e-mail address is stored lower-cased.
create table account (
    member_id     uuid         not null primary key,
    email         varchar(254) not null unique,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('MEMBER', 'ADMIN')),
    created_at    timestamptz  not null default now()
);

-- Failed sign-ins, for rate limiting across nodes; subject is a hash ("account:<sha256>" or
-- "address:<sha256>"), never the e-mail address or IP in clear.
create table login_failure (
    subject   varchar(80) not null,
    failed_at timestamptz not null
);
create index login_failure_subject on login_failure (subject, failed_at);
