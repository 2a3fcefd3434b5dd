-- Issue 16: a backorder is named in URLs by a random reference, not by its number (which events
-- and timelines keep naming it by): numbers in a URL invite guessing the next one.
alter table backorders add column reference uuid;
update backorders set reference = gen_random_uuid();
alter table backorders alter column reference set not null;
create unique index backorders_reference on backorders (reference);
