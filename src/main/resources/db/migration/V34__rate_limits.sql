-- Per-address limits and sign-in throttles counted in the database, so that every node behind a load balancer sees
-- the same counts (app.limits.store=database; platform.DatabaseLimits). One row per limit and key, named by a SHA-256
-- of both (no address in clear); each of up to three bandwidths is its theoretical arrival time in nanoseconds since
-- the epoch (an unused one stays at the time of the last request). A row whose every time has passed (full_at) is a
-- full bucket, the same as no row: it is deleted.
CREATE TABLE rate_limit (
    bucket  CHAR(64) NOT NULL PRIMARY KEY,
    tat1    BIGINT   NOT NULL,
    tat2    BIGINT   NOT NULL,
    tat3    BIGINT   NOT NULL,
    full_at BIGINT   NOT NULL
);

CREATE INDEX rate_limit_full_at ON rate_limit (full_at);
