-- Read models of pairings. Two projections own these tables (docs/read-models.md):
--   MentorshipProjection (processing group "mentorships"): mentorship_view and the tables that hang
--     off it. version = sequence number of the pairing's last applied event (replay safety).
--   MentorLoadProjection (processing group "mentor-load"): mentor_load, fed by the mentor's Member
--     stream, so it keeps its own version: the sequence number of that member's last applied event.
-- No foreign keys to member_profile: another projection fills it, at its own pace.

create table mentorship_view (
    mentorship_id       uuid         not null primary key,
    mentee_id           uuid         not null,
    -- the proposed mentor while PROPOSED, the mentor from ACTIVE on; null while the request waits
    mentor_id           uuid,
    status              varchar(16)  not null check (status in ('REQUESTED', 'PROPOSED', 'ACTIVE', 'PAUSED',
                                                                 'COMPLETED', 'ENDED', 'WITHDRAWN')),
    -- the mentee's stage when they asked, for pipeline statistics
    mentee_stage        varchar(64),
    needs               text[]       not null default '{}',
    shared_experience   varchar(16)  not null check (shared_experience in ('REQUIRED', 'PREFERRED', 'NONE')),
    cross_sector        boolean      not null,
    remote_only         boolean      not null,
    requested_mentor_id uuid,
    -- the proposal that is open, or the accepted one (why this mentor); cleared on decline or expiry
    proposal_id         varchar(64),
    proposal_source     varchar(16)  check (proposal_source in ('DIRECT', 'MATCHER', 'ADMIN')),
    proposal_score      integer,
    proposal_reasons    text[],
    proposal_expires_at timestamptz,
    proposed_at         timestamptz,
    requested_at        timestamptz  not null,
    activated_at        timestamptz,
    -- when the pairing closed: completed, ended or withdrawn
    ended_at            timestamptz,
    end_reason          text,
    version             bigint       not null,
    updated_at          timestamptz  not null
);
-- the list endpoint pages newest first, by (requested_at, mentorship_id)
create index mentorship_view_by_mentee on mentorship_view (mentee_id, requested_at desc, mentorship_id desc);
create index mentorship_view_by_mentor on mentorship_view (mentor_id, requested_at desc, mentorship_id desc)
    where mentor_id is not null;
create index mentorship_view_by_status on mentorship_view (status, requested_at desc, mentorship_id desc);

create table mentorship_goal (
    mentorship_id uuid        not null references mentorship_view (mentorship_id) on delete cascade,
    goal_id       varchar(64) not null,
    text          text        not null,
    set_by        uuid        not null,
    set_at        timestamptz not null,
    primary key (mentorship_id, goal_id)
);

create table mentorship_session (
    mentorship_id uuid        not null references mentorship_view (mentorship_id) on delete cascade,
    session_id    varchar(64) not null,
    session_date  date        not null,
    minutes       integer     not null,
    note          text,
    logged_by     uuid        not null,
    logged_at     timestamptz not null,
    primary key (mentorship_id, session_id)
);

-- once per side, after the pairing completed or ended
create table mentorship_feedback (
    mentorship_id uuid        not null references mentorship_view (mentorship_id) on delete cascade,
    role          varchar(8)  not null check (role in ('MENTEE', 'MENTOR')),
    given_by      uuid        not null,
    rating        integer     not null,
    comment       text,
    given_at      timestamptz not null,
    primary key (mentorship_id, role)
);

-- every proposal and how it was answered (acceptance rate); outcome null while it is open
create table mentorship_proposal (
    mentorship_id uuid        not null references mentorship_view (mentorship_id) on delete cascade,
    proposal_id   varchar(64) not null,
    mentor_id     uuid        not null,
    source        varchar(16) not null check (source in ('DIRECT', 'MATCHER', 'ADMIN')),
    score         integer,
    proposed_at   timestamptz not null,
    outcome       varchar(16) check (outcome in ('ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    answered_at   timestamptz,
    primary key (mentorship_id, proposal_id)
);
create index mentorship_proposal_by_outcome on mentorship_proposal (outcome);

-- decline reasons are private to admins: kept apart so that no participant's query can select them
create table mentorship_decline (
    mentorship_id uuid        not null references mentorship_view (mentorship_id) on delete cascade,
    proposal_id   varchar(64) not null,
    mentor_id     uuid        not null,
    reason        text,
    declined_at   timestamptz not null,
    primary key (mentorship_id, proposal_id)
);

-- capacity is null while the member has no offer (their running pairings may still hold slots)
create table mentor_load (
    mentor_id  uuid        not null primary key,
    capacity   integer,
    slots_held integer     not null default 0,
    version    bigint      not null,
    updated_at timestamptz not null
);
create index mentor_load_by_slots on mentor_load (slots_held desc);
