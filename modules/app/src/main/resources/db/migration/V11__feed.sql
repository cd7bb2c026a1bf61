-- The live feed, owned by FeedProjection (processing group "feed"); docs/feed.md explains the design.

-- One row per feed entry. cursor is what clients see, live and in the catch-up endpoint: the writer
-- takes it while holding a transaction-scoped advisory lock, so cursors become visible in increasing
-- order and a reader that follows "cursor > last seen" never skips one. (event_id, part) makes the
-- writes replay-safe: one event may make several entries (part 0, 1, ...), each exactly once.
create table feed_entry (
    cursor      bigint generated always as identity primary key,
    event_id    varchar(255) not null,
    part        smallint     not null,
    -- the member a private notification is for; null for a public entry (/topic/network)
    recipient   uuid,
    kind        varchar(40)  not null,
    -- ids and codes only; names are looked up when an entry is shown, so consent applies at once
    payload     jsonb        not null,
    occurred_at timestamptz  not null,
    constraint feed_entry_event_part unique (event_id, part)
);
create index feed_entry_recipient on feed_entry (recipient, cursor) where recipient is not null;
create index feed_entry_public on feed_entry (cursor) where recipient is null;

-- What the feed knows about a member, kept from the member events by the feed's own processor (so it
-- is never behind the entries it writes): the display name and whether they opted in to the network
-- (read each time an entry is shown, so hiding takes names out of stored entries), their stage (for
-- mentor offers) and whether they have an open mentor offer (so only a new offer makes an entry).
-- version = sequence number of the member's last applied event (replay safety).
create table feed_member (
    member_id          uuid        not null primary key,
    display_name       varchar(80),
    stage              varchar(64),
    visible_in_network boolean     not null default false,
    offer_open         boolean     not null default false,
    version            bigint      not null
);

-- Running totals shown in the public counts (pairings started, completed); moved only together with
-- the insert of the entry that shows them, so they stay consistent with feed_entry.
create table feed_counter (
    name  varchar(40) not null primary key,
    total bigint      not null
);
