-- Set once every event written before personal data was sealed has been sealed in place
-- (LegacyPlaintextEncryption); until then each start looks for such events.
create table legacy_plaintext_sealed (
    id        smallint    not null primary key check (id = 1),
    sealed_at timestamptz not null,
    events    bigint      not null
);
