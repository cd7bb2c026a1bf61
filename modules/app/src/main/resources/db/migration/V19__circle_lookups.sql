-- Circles: the command-side lookups behind the rules across circles (a member sits in at most two
-- circles, a facilitator leads no more than they agreed), written by the subscribing processor
-- circle-lookups in the transaction of each event; and the ground rules every member accepts on
-- joining a circle, as taxonomy data (admins can reword or add rules without a release).
create table circle_lookup (
    circle_id      uuid        primary key,
    facilitator_id uuid        not null,
    status         varchar(16) not null check (status in ('FORMING', 'ACTIVE', 'CLOSED'))
);
create index circle_lookup_facilitator on circle_lookup (facilitator_id) where status <> 'CLOSED';

-- a member's part in a circle: a seat, or an invitation not yet answered
create table circle_party (
    circle_id uuid        not null references circle_lookup (circle_id),
    member_id uuid        not null,
    role      varchar(16) not null check (role in ('SEAT', 'INVITED')),
    primary key (circle_id, member_id)
);
create index circle_party_member on circle_party (member_id);

insert into taxonomy_term (kind, code, label, rank) values
    ('CIRCLE_GROUND_RULE', 'CONFIDENTIALITY',
     'Confidentiality: what is shared in the circle stays in the circle.', 1),
    ('CIRCLE_GROUND_RULE', 'CONSENT_OVER_STORIES',
     'Consent over stories: everyone decides what of their own story they share, and nobody retells another''s story without their consent.', 2),
    ('CIRCLE_GROUND_RULE', 'NO_PARADING',
     'No parading: nobody is asked to perform their lived experience, or put on show for it.', 3);
