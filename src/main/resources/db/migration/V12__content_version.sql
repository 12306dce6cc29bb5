-- The version of what a group of public pages shows (say "appeal:3": its text, counts and signatories), raised in
-- the transaction of every change, so that the page cache of every instance sees the change within a second
-- (platform.ContentVersions, docs/caching.md).
CREATE TABLE content_version (
    name       VARCHAR(100) PRIMARY KEY,
    version    BIGINT       NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
