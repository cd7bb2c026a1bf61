-- Reminders (docs/safety.md), command side, kept by the subscribing processor "reminder-lookups" in the
-- transaction of the events: each pairing's open proposal (when made, when it expires, which reminders
-- it got) and, while it runs, since when it has been quiet and which quiet spell it was nudged about.
-- The schedulers of every node read it; the pairing itself accepts each reminder once.
create table reminder_lookup (
    mentorship_id      uuid        not null primary key,
    status             varchar(16) not null,
    proposal_id        varchar(64),
    proposed_at        timestamptz,
    expires_at         timestamptz,
    unanswered_sent    boolean     not null default false,
    before_expiry_sent boolean     not null default false,
    quiet_since        timestamptz,
    nudged_for         timestamptz
);
create index reminder_lookup_proposed on reminder_lookup (proposed_at) where status = 'PROPOSED';
create index reminder_lookup_active on reminder_lookup (quiet_since) where status = 'ACTIVE';

-- Pairings from before reminders existed: their clocks start now (nobody is reminded of the past).
insert into reminder_lookup (mentorship_id, status, proposal_id, proposed_at, expires_at)
select mentorship_id, 'PROPOSED', proposal_id, now(), proposal_expires_at from pairing_lookup where status = 'PROPOSED';
insert into reminder_lookup (mentorship_id, status, quiet_since)
select mentorship_id, status, now() from pairing_lookup where status in ('ACTIVE', 'PAUSED');
