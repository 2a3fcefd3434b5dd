-- Rate-limit overrides (org.assistance.chassis.ratelimit): an admin gives one caller a limit of its
-- own, in place of its role's, e.g. an agency's nightly synchronisation, or a runaway client held
-- back. The caller is its bucket's key as RateLimiter names it: agency:<id>, donor:<id> or
-- subject:<token subject>. Every instance reads the table every few seconds; a row past its
-- expires_at no longer applies (it stays until replaced or removed). Changes are audited.
CREATE TABLE rate_limit_overrides (
    caller     TEXT PRIMARY KEY
               CHECK (caller ~ '^(agency|donor|subject):[A-Za-z0-9][A-Za-z0-9._@:|+-]{0,99}$'),
    capacity   BIGINT NOT NULL CHECK (capacity >= 1),
    per_second BIGINT NOT NULL CHECK (per_second >= 1),
    reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    set_by     TEXT NOT NULL,
    set_at     TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ
);
