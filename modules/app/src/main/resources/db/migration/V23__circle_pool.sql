-- Who waits for a circle, as formation rounds see them: owned by CircleSeekerPoolProjection (processing
-- group "circle-pool", matching module). Stage, sectors, region and the areas usable for matching are
-- read from the matcher's pool (matching_member, matching_area) beside these.
create table circle_pool_seeker (
    member_id  uuid        primary key,
    focus      text[]      not null,
    remote     boolean     not null,
    region     varchar(64),
    slots      text[]      not null,
    facilitate integer     not null
);

create table circle_pool_circle (
    circle_id      uuid    primary key,
    facilitator_id uuid    not null,
    closed         boolean not null default false
);
create index circle_pool_circle_facilitator on circle_pool_circle (facilitator_id) where not closed;

create table circle_pool_party (
    circle_id uuid        not null references circle_pool_circle (circle_id),
    member_id uuid        not null,
    role      varchar(16) not null check (role in ('SEAT', 'INVITED')),
    primary key (circle_id, member_id)
);
create index circle_pool_party_member on circle_pool_party (member_id);
