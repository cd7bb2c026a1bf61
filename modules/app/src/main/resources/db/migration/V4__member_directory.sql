-- The member directory read model, owned by MemberDirectoryProjection (processing group
-- "member-directory"). version = sequence number of the member's last applied event (replay safety).
create table member_profile (
    member_id            uuid         not null primary key,
    display_name         varchar(80)  not null,
    region               varchar(64),
    remote               boolean      not null default false,
    stage                varchar(64),
    management_years     varchar(64),
    roles                text[]       not null default '{}',
    sectors              text[]       not null default '{}',
    needs                text[]       not null default '{}',
    strengths            text[]       not null default '{}',
    learning_preferences text[]       not null default '{}',
    -- privacy by default: nobody is shown to the network until they choose to be
    visible_in_network   boolean      not null default false,
    paused               boolean      not null default false,
    registered_at        timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);

create table member_area (
    member_id  uuid        not null references member_profile (member_id) on delete cascade,
    code       varchar(64) not null,
    visibility varchar(16) not null check (visibility in ('PRIVATE', 'MATCHING', 'MENTORS', 'NETWORK')),
    primary key (member_id, code)
);

create table mentor_offer (
    member_id  uuid        not null primary key references member_profile (member_id) on delete cascade,
    capacity   integer     not null check (capacity between 1 and 10),
    stages     text[]      not null default '{}',
    areas      text[]      not null default '{}',
    strengths  text[]      not null default '{}',
    open       boolean     not null,
    updated_at timestamptz not null
);
