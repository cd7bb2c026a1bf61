-- The matcher's own read model of who can be matched, owned by MatchingPoolProjection (processing
-- group "matching-pool"). Only what matching uses is kept; lived-experience areas only where the
-- member allowed matching (MATCHING or wider): a PRIVATE area never reaches these tables.
create table matching_member (
    member_id    uuid        not null primary key,
    stage        varchar(64),
    region       varchar(64),
    remote       boolean     not null default false,
    sectors      text[]      not null default '{}',
    strengths    text[]      not null default '{}',
    paused       boolean     not null default false,
    -- whether the member may be named to other members (a hidden mentor is shown anonymously)
    visible      boolean     not null default false,
    display_name varchar(80),
    offer_open   boolean,
    capacity     integer,
    offer_stages text[]      not null default '{}',
    slots_held   integer     not null default 0,
    version      bigint      not null
);
create index matching_member_offering on matching_member (member_id) where offer_open and not paused;

create table matching_area (
    member_id  uuid        not null references matching_member (member_id) on delete cascade,
    code       varchar(64) not null,
    visibility varchar(16) not null check (visibility in ('MATCHING', 'MENTORS', 'NETWORK')),
    primary key (member_id, code)
);

create table matching_request (
    mentorship_id      uuid        not null primary key,
    mentee_id          uuid        not null,
    status             varchar(16) not null,
    needs              text[]      not null default '{}',
    shared_experience  varchar(16) not null,
    cross_sector       boolean     not null,
    remote_only        boolean     not null,
    proposed_mentor_id uuid,
    requested_at       timestamptz not null,
    version            bigint      not null
);
create index matching_request_waiting on matching_request (requested_at) where status = 'REQUESTED';
create index matching_request_pending on matching_request (proposed_mentor_id) where status = 'PROPOSED';

create table matching_declined (
    mentee_id uuid not null,
    mentor_id uuid not null,
    primary key (mentee_id, mentor_id)
);

-- Admin match rounds, owned by MatchRoundProjection (processing group "match-rounds").
create table match_round (
    round_id         varchar(64) not null primary key,
    status           varchar(16) not null,
    requested_by     uuid,
    started_at       timestamptz not null,
    completed_at     timestamptz,
    waiting_requests integer,
    proposals        integer,
    total_score      bigint,
    duration_ms      bigint,
    failure          text
);

create table match_round_proposal (
    round_id      varchar(64) not null references match_round (round_id) on delete cascade,
    mentorship_id uuid        not null,
    mentor_id     uuid        not null,
    score         integer     not null,
    primary key (round_id, mentorship_id)
);

create table match_round_unmatched (
    round_id      varchar(64) not null references match_round (round_id) on delete cascade,
    mentorship_id uuid        not null,
    reason        text        not null,
    primary key (round_id, mentorship_id)
);
