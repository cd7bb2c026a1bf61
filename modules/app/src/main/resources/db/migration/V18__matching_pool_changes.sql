-- Which members' matching facts changed, in commit order, owned by MatchingPoolProjection: every node
-- keeps its candidate index warm by re-reading only the mentors listed here since it last looked.
-- The numbers come from the one row of matching_pool_clock, bumped in the transaction that changes the
-- pool: a writer holds that row until it commits, so numbers commit in order and without gaps (a
-- rolled-back writer's number is taken again), and a reader that saw n has seen everything up to n.
-- A fresh epoch (a reset, a replay's rebuilt tables swapped in) tells readers to load everything again.
create table matching_pool_clock (
    epoch uuid   not null,
    seq   bigint not null
);
insert into matching_pool_clock (epoch, seq) values (gen_random_uuid(), 0);

create table matching_pool_change (
    seq       bigint not null primary key,
    member_id uuid   not null
);
