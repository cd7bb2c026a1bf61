-- Command-side lookup tables of the peer network, kept by the subscribing processor "network-lookups"
-- (NetworkLookups) in the same transaction as the events that change them; read under the pair's
-- advisory lock before a connection request or a block is decided.

-- One row per connection. pair_key is "smaller id:larger id" (ids compared as text), whoever asked.
create table connection_lookup (
    connection_id uuid        not null primary key,
    pair_key      varchar(73) not null,
    requester_id  uuid        not null,
    addressee_id  uuid        not null,
    status        varchar(16) not null
);
-- At most one open (REQUESTED or ACCEPTED) connection per pair: the advisory lock makes the check
-- exact; this index refuses the transaction should anything ever bypass it.
create unique index connection_lookup_one_open_per_pair on connection_lookup (pair_key)
    where status in ('REQUESTED', 'ACCEPTED');

-- Who blocked whom; either direction stops requests and proposals between the two.
create table member_block (
    blocker_id uuid not null,
    blocked_id uuid not null,
    primary key (blocker_id, blocked_id)
);
