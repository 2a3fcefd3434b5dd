-- The donor feeds read approved requests in change order from a cursor, a page at a time. The
-- first index is that order (the cursor's position is (changed_xid, request_id)): a page streams
-- straight from it, no sort of the range before its first row. It replaces the index on
-- changed_xid alone, which only the feeds used, so request_facts' writes cost no more than before.
-- The second finds a donor's requests when it funds few of those that changed: a donor sees only
-- what it funds, and walking every other donor's changes to find them would take longer the more
-- the platform holds.
drop index if exists request_facts_changes;
create index request_facts_feed on request_facts (changed_xid, request_id) where approved_at is not null;
create index request_facts_feed_donors on request_facts using gin (donors jsonb_path_ops) where approved_at is not null;
