-- A fifth audience for an area of lived experience, CIRCLE (the members of one's circles, and active
-- pairings), between MENTORS and NETWORK. Consent is stored by name everywhere (these columns, and the
-- areas inside LivedExperienceRecordedEvent, serialised by name), never by ordinal: every stored level
-- keeps its meaning, so no one's current audience widens and no row changes. Only the checks learn the
-- new name. The old checks are found by what they check rather than by name: a read model rebuilt by
-- a replay carries copies of them.
do $$
declare
    k record;
begin
    for k in select c.relname as tab, x.conname as con
             from pg_constraint x join pg_class c on c.oid = x.conrelid
             join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relname in ('member_area', 'matching_area')
               and x.contype = 'c' and pg_get_constraintdef(x.oid) like '%visibility%'
    loop
        execute format('alter table %I drop constraint %I', k.tab, k.con);
    end loop;
end $$;

alter table member_area add constraint member_area_visibility_check
    check (visibility in ('PRIVATE', 'MATCHING', 'MENTORS', 'CIRCLE', 'NETWORK'));
alter table matching_area add constraint matching_area_visibility_check
    check (visibility in ('MATCHING', 'MENTORS', 'CIRCLE', 'NETWORK'));
