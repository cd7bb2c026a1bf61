-- Opportunities, command side: the deadline of each open opportunity (closing at the deadline survives a
-- restart because the deadline is data) and who takes part in which (what an erasure must end). Written
-- by the subscribing processor opportunity-lookups in the transaction of each event.
create table opportunity_lookup (
    opportunity_id uuid        primary key,
    posted_by      uuid        not null,
    status         varchar(16) not null check (status in ('OPEN', 'CLOSED', 'WITHDRAWN', 'HIDDEN')),
    deadline       timestamptz
);
create index opportunity_lookup_due on opportunity_lookup (deadline) where status = 'OPEN' and deadline is not null;
create index opportunity_lookup_poster on opportunity_lookup (posted_by) where status = 'OPEN';

create table opportunity_interest_lookup (
    opportunity_id uuid not null references opportunity_lookup (opportunity_id),
    member_id      uuid not null,
    primary key (opportunity_id, member_id)
);
create index opportunity_interest_lookup_member on opportunity_interest_lookup (member_id);
