-- The opportunities read model, owned by OpportunityProjection (processing group "opportunities"): each
-- opportunity with its tags, seats and who registered interest, and each member's notification
-- preferences. Replay-safe: every event of an opportunity advances opportunity_view.version first.
create table opportunity_view (
    opportunity_id uuid         primary key,
    posted_by      uuid         not null,
    member_posted  boolean      not null,
    kind           varchar(16)  not null,
    -- what the poster wrote; null once the poster was erased (sealed with their key)
    title          text,
    description    text,
    link           text,
    competencies   text[]       not null,
    stages         text[]       not null,
    sectors        text[]       not null,
    areas          text[]       not null,
    remote         boolean      not null,
    region         varchar(64),
    deadline       timestamptz,
    seats          integer,
    seats_taken    integer      not null default 0,
    status         varchar(16)  not null check (status in ('OPEN', 'CLOSED', 'WITHDRAWN', 'HIDDEN')),
    hidden_reason  text,
    posted_at      timestamptz  not null,
    ended_at       timestamptz,
    -- when the last seat was taken (time to fill); null while a seat is free or without seats
    filled_at      timestamptz,
    version        bigint       not null
);
create index opportunity_view_open on opportunity_view (kind) where status = 'OPEN';
create index opportunity_view_poster on opportunity_view (posted_by);

create table opportunity_interest (
    opportunity_id uuid        not null references opportunity_view (opportunity_id) on delete cascade,
    member_id      uuid        not null,
    registered_at  timestamptz not null,
    primary key (opportunity_id, member_id)
);
create index opportunity_interest_member on opportunity_interest (member_id);

-- a member without a row has the default: every kind, at most 3 notifications in any 7 days
create table opportunity_preference (
    member_id  uuid        primary key,
    opted_out  text[]      not null,
    weekly_cap integer     not null,
    updated_at timestamptz not null
);

-- the weekly cap counts a member's opportunity notifications in the last 7 days
create index feed_entry_opportunity_matches on feed_entry (recipient, occurred_at)
    where kind = 'OPPORTUNITY_MATCHED';
