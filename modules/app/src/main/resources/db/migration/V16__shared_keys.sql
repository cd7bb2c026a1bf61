-- Keys every node must share, kept in the database so that nodes agree without being told.

-- The master key when no node is given one (LEXNET_MASTER_KEY): made once, by the first node to start.
-- With this row the database holds what reads its personal data; giving LEXNET_MASTER_KEY instead keeps
-- the key out of the database and its backups (docs/privacy.md).
create table stored_master_key (
    id         smallint    not null primary key check (id = 1),
    key        bytea       not null,
    created_at timestamptz not null
);

-- The built-in issuer's token signing keys (RS256). The active key is the newest one not retired; a
-- retired key loses its private half at once and keeps its public half until the last token it signed
-- has expired, so that rotation never signs anybody out.
create table signing_key (
    kid                 text        not null primary key,
    public_key          bytea       not null,
    sealed_private_key  bytea,
    created_at          timestamptz not null,
    retired_at          timestamptz,
    check ((sealed_private_key is null) = (retired_at is not null))
);

-- at most one active key
create unique index signing_key_one_active on signing_key ((true)) where retired_at is null;
