-- A circle's activity on its own topic, /topic/circles/{id} (docs/feed.md): an entry for a circle has
-- circle_id set and no recipient. Public entries are now those with neither.
alter table feed_entry add column circle_id uuid;
alter table feed_entry add constraint feed_entry_one_audience check (recipient is null or circle_id is null);
drop index feed_entry_public;
create index feed_entry_public on feed_entry (cursor) where recipient is null and circle_id is null;
create index feed_entry_circle on feed_entry (circle_id, cursor) where circle_id is not null;

-- Who follows each circle's topic (its facilitator and the members seated now), and what an invitation
-- says about the circle (band and focus codes only): kept by the feed's own processor, so it is never
-- behind the entries it writes.
create table feed_circle_member (
    circle_id uuid not null,
    member_id uuid not null,
    primary key (circle_id, member_id)
);
create index feed_circle_member_member on feed_circle_member (member_id);

create table feed_circle (
    circle_id uuid   not null primary key,
    stages    text[] not null,
    focus     text[] not null
);
