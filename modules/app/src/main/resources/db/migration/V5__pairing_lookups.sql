-- Command-side lookup tables for rules that span pairings, kept by the subscribing processor
-- "pairing-lookups" (PairingLookups) in the same transaction as the events that change them.

-- One row per pairing: its status, and the pending proposal with its deadline (the expiry scheduler
-- reads this, so deadlines survive restarts).
create table pairing_lookup (
    mentorship_id       uuid        not null primary key,
    mentee_id           uuid        not null,
    mentor_id           uuid,
    status              varchar(16) not null,
    proposal_id         varchar(64),
    proposal_expires_at timestamptz
);
create index pairing_lookup_mentee on pairing_lookup (mentee_id, status);
create index pairing_lookup_due on pairing_lookup (proposal_expires_at) where status = 'PROPOSED';

-- A mentor who declined a mentee is never proposed to them again.
create table declined_pair (
    mentee_id uuid not null,
    mentor_id uuid not null,
    primary key (mentee_id, mentor_id)
);
