-- Axon Framework's tables, in snake_case, declared to Axon in AxonConfiguration.
-- Payloads and metadata are bytea (never large objects); global_index is a bigserial so that the
-- order of the stream is the order of insertion on every node.

create table domain_event_entry (
    global_index         bigserial    not null primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    -- a second write at the same position of one aggregate fails with SQLState 23505
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null primary key,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

create table association_value_entry (
    id                bigserial not null primary key,
    association_key   varchar(255),
    association_value varchar(255),
    saga_id           varchar(255),
    saga_type         varchar(255)
);
create index association_value_entry_saga on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga_id on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_identifier varchar(255)  not null primary key,
    processing_group       varchar(255)  not null,
    sequence_identifier    varchar(255)  not null,
    sequence_index         bigint        not null,
    message_type           varchar(255)  not null,
    event_identifier       varchar(255)  not null,
    time_stamp             varchar(255)  not null,
    payload_type           varchar(255)  not null,
    payload_revision       varchar(255),
    payload                bytea         not null,
    meta_data              bytea,
    aggregate_type         varchar(255),
    aggregate_identifier   varchar(255),
    sequence_number        bigint,
    token_type             varchar(255),
    token                  bytea,
    enqueued_at            varchar(255)  not null,
    last_touched           varchar(255),
    processing_started     varchar(255),
    cause_type             varchar(255),
    cause_message          varchar(1023),
    diagnostics            bytea,
    unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence on dead_letter_entry (processing_group, sequence_identifier);
