-- The peer network's read models, owned by NetworkProjection (processing group "network").
create table connection_view (
    connection_id uuid         not null primary key,
    requester_id  uuid         not null,
    addressee_id  uuid         not null,
    status        varchar(16)  not null,
    message       varchar(500),
    requested_at  timestamptz  not null,
    answered_at   timestamptz,
    version       bigint       not null
);
create index connection_view_requester on connection_view (requester_id, status);
create index connection_view_addressee on connection_view (addressee_id, status);

-- Who blocked whom: private to the blocker; used to hide the two from each other (profiles, suggestions).
create table block_view (
    blocker_id uuid not null,
    blocked_id uuid not null,
    primary key (blocker_id, blocked_id)
);
create index block_view_blocked on block_view (blocked_id);

-- The matcher's copy of blocks (owned by MatchingPoolProjection): a block excludes the pair both ways.
create table matching_block (
    blocker_id uuid not null,
    blocked_id uuid not null,
    primary key (blocker_id, blocked_id)
);
