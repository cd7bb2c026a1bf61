-- Rebuilds of read models that operators asked for (docs/operations.md, "Rebuilding a read model").
-- Every node reads this table to take its part: release its claims while a replay is REQUESTED, write
-- into the shadow schema while it is REPLAYING. At most one replay of a processor is under way.
create table replay_request (
    replay_id       uuid         not null primary key,
    processor       varchar(255) not null,
    state           varchar(16)  not null check (state in ('REQUESTED', 'REPLAYING', 'COMPLETED', 'FAILED')),
    requested_by    uuid,
    requested_at    timestamptz  not null,
    -- the events in the store when it was asked for; from the reset on, those up to reset_position
    events_total    bigint       not null,
    -- where the rebuilt tables are written until they replace the live ones
    shadow_schema   varchar(63)  not null,
    -- global index of the last event before the reset: the replay has caught up once every segment passed it
    reset_position  bigint,
    started_at      timestamptz,
    finished_at     timestamptz,
    -- why it is waiting (while REQUESTED) or why it failed; never personal data
    detail          text
);
create unique index replay_request_one_under_way on replay_request (processor)
    where state in ('REQUESTED', 'REPLAYING');
create index replay_request_latest on replay_request (processor, requested_at desc);
