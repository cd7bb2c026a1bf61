-- A member's personal values read as null once they are erased (their key is gone); a rebuild of the
-- read models then meets those nulls before it meets the erasure itself.
alter table member_profile alter column display_name drop not null;
alter table mentorship_goal alter column text drop not null;

-- Members who left and were erased: the other side of a pairing is shown "a former member", not someone
-- hidden. Ids only.
create table erased_member (
    member_id uuid        not null primary key,
    erased_at timestamptz not null
);
