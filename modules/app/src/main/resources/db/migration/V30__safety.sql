-- Safety: concerns and suspensions (docs/safety.md).

-- Command side, kept by the subscribing processor "concern-lookups" in the transaction of the event:
-- when each member raised each concern, for the rate limit.
create table concern_lookup (
    concern_id  uuid        not null primary key,
    reporter_id uuid        not null,
    raised_at   timestamptz not null
);
create index concern_lookup_reporter on concern_lookup (reporter_id, raised_at);

-- A suspended account's tokens are refused, like an erased one's (set by the subscribing processor
-- "account-standing" in the transaction of the suspension).
alter table account add column suspended boolean not null default false;

-- Read models of the processing group "safety" (SafetyProjection). version = sequence number of the
-- concern's last applied event (replay safety). text is the reporter's (null once they were erased).
create table concern_view (
    concern_id        uuid         not null primary key,
    reporter_id       uuid         not null,
    subject_type      varchar(16)  not null,
    subject_id        varchar(64)  not null,
    subject_member_id uuid,
    category          varchar(24)  not null,
    status            varchar(16)  not null check (status in ('OPEN', 'IN_REVIEW', 'RESOLVED')),
    assignee_id       uuid,
    action            varchar(24),
    notes             integer      not null default 0,
    text              text,
    raised_at         timestamptz  not null,
    updated_at        timestamptz  not null,
    resolved_at       timestamptz,
    version           bigint       not null
);
create index concern_view_queue on concern_view (raised_at, concern_id);
create index concern_view_reporter on concern_view (reporter_id, raised_at);

create table suspended_member (
    member_id    uuid        not null primary key,
    concern_id   uuid,
    suspended_at timestamptz not null
);

-- The matcher's pool and the feed leave a suspended member out, as they do a paused or hidden one.
alter table matching_member add column suspended boolean not null default false;
alter table feed_member add column suspended boolean not null default false;
