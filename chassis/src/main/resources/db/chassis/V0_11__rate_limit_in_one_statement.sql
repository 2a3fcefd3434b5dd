-- Rate limiting in one statement (issue 18). Bucket4j's select-for-update kept a caller's row locked
-- over three round trips from the JVM (SELECT ... FOR UPDATE, UPDATE, COMMIT): one agency's calls
-- queued on that lock, about 3,300 a second at best from 8 connections in pgbench here and far fewer
-- from a busy JVM. rate_limit_take does the bucket's arithmetic where the row is: one autocommit
-- statement, the row locked only for the time of the update (15,600 a second in the same pgbench).
--
-- A greedy token bucket: `tokens` held at `refilled_at`, refilled at per_second up to capacity.
-- capacity and per_second are part of the bucket's name (a changed limit starts a new bucket) and are
-- kept on the row only so that the clean-up knows when an untouched bucket is full again.
-- UNLOGGED as before: a bucket changes on every API call and needs no WAL (its commit waits for no
-- flush either); after a crash the table is empty, which only gives every caller a full bucket.
CREATE UNLOGGED TABLE rate_limit_tokens (
    bucket      TEXT PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ NOT NULL,
    capacity    DOUBLE PRECISION NOT NULL,
    per_second  DOUBLE PRECISION NOT NULL,
    served      BOOLEAN NOT NULL
) WITH (fillfactor = 70);

-- the tokens a bucket holds at a moment: what it held, refilled since, never above its capacity
CREATE FUNCTION rate_limit_refilled(
    tokens DOUBLE PRECISION, refilled_at TIMESTAMPTZ, at TIMESTAMPTZ, capacity DOUBLE PRECISION,
    per_second DOUBLE PRECISION) RETURNS DOUBLE PRECISION
    LANGUAGE sql IMMUTABLE
    RETURN least(capacity, tokens + greatest(0, extract(epoch FROM at - refilled_at)) * per_second);

-- Takes one token from a bucket when it holds one: whether the call is served and what is left.
-- A new bucket starts full. The clock is the database's, so every instance of a service agrees.
CREATE FUNCTION rate_limit_take(
    p_bucket TEXT, p_capacity DOUBLE PRECISION, p_per_second DOUBLE PRECISION,
    OUT served BOOLEAN, OUT tokens DOUBLE PRECISION)
    LANGUAGE sql VOLATILE
BEGIN ATOMIC
    INSERT INTO rate_limit_tokens AS b (bucket, tokens, refilled_at, capacity, per_second, served)
    VALUES (p_bucket, p_capacity - 1, clock_timestamp(), p_capacity, p_per_second, true)
    ON CONFLICT (bucket) DO UPDATE SET
        served = rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, b.capacity, b.per_second) >= 1,
        tokens = rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, b.capacity, b.per_second)
            - CASE WHEN rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, b.capacity, b.per_second) >= 1
                   THEN 1 ELSE 0 END,
        refilled_at = excluded.refilled_at
    RETURNING b.served, b.tokens;
END;

-- Bucket4j's table is no longer read. During a rolling upgrade an instance still on the old code
-- finds it gone and serves its calls unlimited (the limiter never makes an outage of its own).
DROP TABLE rate_limit_buckets;
