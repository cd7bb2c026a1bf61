-- Each member's data key, wrapped (encrypted) with the master key. Personal data in events is encrypted
-- with these keys; erasing a member destroys theirs (wrapped_key set to null, erased_at set), which
-- makes that data unreadable everywhere it was ever written, while the events stay for the audit.
create table member_key (
    member_id   uuid        not null primary key,
    wrapped_key bytea,
    created_at  timestamptz not null,
    erased_at   timestamptz,
    check ((wrapped_key is null) = (erased_at is not null))
);

-- A value derived from the master key (never the key): a node that starts with a different master key
-- than the one this database was written with refuses to start instead of failing to read.
create table master_key_check (
    id          smallint not null primary key check (id = 1),
    check_value bytea    not null
);
