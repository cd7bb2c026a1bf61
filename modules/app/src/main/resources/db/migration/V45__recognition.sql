-- Recognition: endorsements and the contribution record (docs/recognition.md).

-- Command side, kept by the subscribing processor "endorsement-lookups" in the transaction of each event:
-- at most one standing (pending or accepted) endorsement per endorser, endorsee and competency; the
-- partial unique index is the last line behind the pair's advisory lock.
create table endorsement_lookup (
    endorsement_id uuid        primary key,
    endorser_id    uuid        not null,
    endorsee_id    uuid        not null,
    competency     varchar(64) not null,
    standing       boolean     not null
);
create unique index endorsement_lookup_one_standing on endorsement_lookup (endorser_id, endorsee_id, competency)
    where standing;

-- Read model of the processing group "endorsements" (EndorsementProjection). version = sequence number of
-- the endorsement's last applied event. text is the endorser's words, null once either member was erased;
-- an endorsement with an erased member is shown nowhere.
create table endorsement_view (
    endorsement_id uuid        primary key,
    endorser_id    uuid        not null,
    endorsee_id    uuid        not null,
    competency     varchar(64) not null,
    basis          varchar(16) not null,
    text           text,
    status         varchar(16) not null check (status in ('PENDING', 'ACCEPTED', 'HIDDEN', 'DECLINED', 'WITHDRAWN')),
    audience       varchar(16),
    given_at       timestamptz not null,
    answered_at    timestamptz,
    erased         boolean     not null default false,
    version        bigint      not null
);
create index endorsement_view_endorsee on endorsement_view (endorsee_id, given_at);
create index endorsement_view_endorser on endorsement_view (endorser_id, given_at);

-- Read models of the processing group "contributions" (ContributionProjection): the facts a member's
-- contribution record is summed from, each keyed on what it counts, so that an event seen again counts once.
create table contribution_pairing (
    mentorship_id uuid primary key,
    mentee_id     uuid not null,
    mentor_id     uuid not null
);
create index contribution_pairing_mentee on contribution_pairing (mentee_id);
create index contribution_pairing_mentor on contribution_pairing (mentor_id);

create table contribution_session (
    mentorship_id uuid        not null,
    session_id    varchar(64) not null,
    minutes       integer     not null,
    primary key (mentorship_id, session_id)
);

-- a circle counts as facilitated once it started
create table contribution_circle (
    circle_id      uuid    primary key,
    facilitator_id uuid    not null,
    started        boolean not null default false
);
create index contribution_circle_facilitator on contribution_circle (facilitator_id) where started;

create table contribution_endorsement (
    endorsement_id uuid        primary key,
    endorser_id    uuid        not null,
    endorsee_id    uuid        not null,
    competency     varchar(64) not null
);
create index contribution_endorsement_endorsee on contribution_endorsement (endorsee_id);
create index contribution_endorsement_endorser on contribution_endorsement (endorser_id);

create table contribution_opportunity (
    opportunity_id uuid primary key,
    posted_by      uuid not null
);
create index contribution_opportunity_poster on contribution_opportunity (posted_by);
