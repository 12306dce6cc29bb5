-- Resumable uploads (docs/media.md, "Resumable uploads"): one row per upload still being sent or waiting to be
-- taken by its form; the bytes lie in the media work folder. Incomplete rows expire with their bytes.
CREATE TABLE media_upload (
    id_hash     VARCHAR(64)  NOT NULL PRIMARY KEY,
    form        VARCHAR(120) NOT NULL,
    length      BIGINT       NOT NULL,
    received    BIGINT       NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

CREATE INDEX media_upload_created ON media_upload (created_at);
