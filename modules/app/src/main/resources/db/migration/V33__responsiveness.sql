-- How mentors answer proposals (docs/safety.md, "Responsiveness"). Proposals made before this release
-- are not counted: every mentor starts without a history, which the matcher treats as neutral.

-- The matcher's pool (MatchingPoolProjection): each proposal and how it was answered, and each mentor's
-- habits from them (answered, expired, median answer time), which the scorer reads.
create table matching_answer (
    proposal_id   varchar(64) not null primary key,
    mentorship_id uuid        not null,
    mentor_id     uuid        not null,
    proposed_at   timestamptz not null,
    answered_at   timestamptz,
    expired       boolean     not null default false
);
create index matching_answer_mentor on matching_answer (mentor_id);
create index matching_answer_mentorship on matching_answer (mentorship_id);
alter table matching_member add column answered integer not null default 0;
alter table matching_member add column expired integer not null default 0;
alter table matching_member add column median_answer_seconds bigint;

-- The same record for the admin statistics (SafetyProjection, processing group "safety").
create table proposal_answer (
    proposal_id   varchar(64) not null primary key,
    mentorship_id uuid        not null,
    mentor_id     uuid        not null,
    proposed_at   timestamptz not null,
    answered_at   timestamptz,
    expired       boolean     not null default false
);
create index proposal_answer_mentor on proposal_answer (mentor_id);
create index proposal_answer_mentorship on proposal_answer (mentorship_id);
