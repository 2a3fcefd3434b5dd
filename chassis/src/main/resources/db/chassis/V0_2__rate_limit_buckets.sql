-- Rate limiting (org.assistance.chassis.ratelimit): one token bucket per caller, shared by every
-- instance of the service. Bucket4j reads and writes these columns itself (state is its
-- serialised bucket; expires_at, epoch milliseconds, is when an untouched bucket would be full
-- again, so the row can go).
-- UNLOGGED: a bucket changes on every API request; its row needs no WAL. After a crash the table
-- is empty, which only gives every caller a full bucket again.
-- No index on expires_at: it changes on every update, and an index on it would turn every update
-- into a non-HOT one; the hourly clean-up scans this small table instead.
CREATE UNLOGGED TABLE rate_limit_buckets (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
) WITH (fillfactor = 70);
