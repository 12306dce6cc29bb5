-- ShedLock's table: a scheduled job runs on one instance at a time. Times are the database's own clock
-- (UTC), so instances whose clocks differ still agree on who holds a lock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
