-- Bandwidth: how much a member is willing to receive (docs/safety.md).

-- Command side, kept by the subscribing processor "bandwidth-lookups" in the transaction of the event:
-- every proposal to a member as mentor and every connection request to them.
create table received_lookup (
    event_id    varchar(255) not null primary key,
    member_id   uuid         not null,
    received_at timestamptz  not null
);
create index received_lookup_member on received_lookup (member_id, received_at);

-- The member's own profile shows it (MemberDirectoryProjection).
alter table member_profile add column bandwidth_max integer;
alter table member_profile add column quiet_until date;

-- The matcher's pool (MatchingPoolProjection): the setting, what each member received, and whether the
-- bandwidth was closed when last looked at (so that time opening it is noticed: BandwidthClock).
alter table matching_member add column bandwidth_max integer;
alter table matching_member add column quiet_until date;
alter table matching_member add column bandwidth_closed boolean not null default false;
create table matching_received (
    event_id    varchar(255) not null primary key,
    member_id   uuid         not null,
    received_at timestamptz  not null
);
create index matching_received_member on matching_received (member_id, received_at);

-- For the admin statistics (SafetyProjection, processing group "safety"): each member's bandwidth and
-- what they received, to count the mentors at their limit.
create table member_bandwidth (
    member_id     uuid    not null primary key,
    bandwidth_max integer,
    quiet_until   date
);
create table bandwidth_received (
    event_id    varchar(255) not null primary key,
    member_id   uuid         not null,
    received_at timestamptz  not null
);
create index bandwidth_received_member on bandwidth_received (member_id, received_at);
