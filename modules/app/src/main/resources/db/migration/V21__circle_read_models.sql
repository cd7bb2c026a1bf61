-- The circles read model, owned by CircleProjection (processing group "circles"): each circle with its
-- seats, members and invitations, sessions with their attendance, goals; and the members who said what
-- circle they want. Replay-safe: every event of a circle advances circle_view.version first.
create table circle_view (
    circle_id      uuid         primary key,
    facilitator_id uuid         not null,
    status         varchar(16)  not null check (status in ('FORMING', 'ACTIVE', 'CLOSED')),
    focus          text[]       not null,
    areas          text[]       not null,
    low_stage      varchar(64)  not null,
    high_stage     varchar(64)  not null,
    remote         boolean      not null,
    region         varchar(64),
    slot           varchar(16),
    seats          integer      not null,
    seats_taken    integer      not null default 0,
    open           boolean      not null,
    ground_rules   text[]       not null,
    round_id       varchar(64),
    created_at     timestamptz  not null,
    started_at     timestamptz,
    closed_at      timestamptz,
    version        bigint       not null
);
create index circle_view_facilitator on circle_view (facilitator_id);
create index circle_view_joinable on circle_view (created_at) where status <> 'CLOSED' and open;

create table circle_member (
    circle_id  uuid        not null references circle_view (circle_id) on delete cascade,
    member_id  uuid        not null,
    status     varchar(16) not null check (status in ('INVITED', 'SEATED')),
    invited_at timestamptz,
    joined_at  timestamptz,
    primary key (circle_id, member_id)
);
create index circle_member_member on circle_member (member_id);

create table circle_session (
    circle_id  uuid        not null references circle_view (circle_id) on delete cascade,
    session_id varchar(64) not null,
    held_on    date        not null,
    minutes    integer     not null,
    attendees  uuid[]      not null,
    note       text,
    logged_by  uuid        not null,
    logged_at  timestamptz not null,
    primary key (circle_id, session_id)
);

create table circle_goal (
    circle_id uuid        not null references circle_view (circle_id) on delete cascade,
    goal_id   varchar(64) not null,
    member_id uuid        not null,
    text      text,
    shared_at timestamptz not null,
    primary key (circle_id, goal_id)
);

create table circle_seeker (
    member_id  uuid        primary key,
    focus      text[]      not null,
    remote     boolean     not null,
    region     varchar(64),
    slots      text[]      not null,
    facilitate integer     not null,
    updated_at timestamptz not null
);
