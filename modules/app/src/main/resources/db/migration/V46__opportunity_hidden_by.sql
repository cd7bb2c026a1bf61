-- who hid an opportunity: the reason is their words, sealed with their key, and goes when they are erased
alter table opportunity_view add column hidden_by uuid;
create index opportunity_view_hidden_by on opportunity_view (hidden_by) where hidden_by is not null;
