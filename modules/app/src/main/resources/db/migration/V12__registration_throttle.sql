-- Registrations per client address, for throttling across nodes; the address is stored as a hash.
create table registration_attempt (
    address_key  varchar(80) not null,
    attempted_at timestamptz not null
);
create index registration_attempt_address on registration_attempt (address_key, attempted_at);
