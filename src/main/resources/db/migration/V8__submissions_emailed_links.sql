-- One table for every emailed link of every feature (submissions module). A link belongs to a subject
-- (its type, e.g. 'signature' or 'event', and its id) and serves one purpose ('CONFIRM', 'WITHDRAW',
-- 'MANAGE', ...). Only the SHA-256 of its 256-bit token is kept, so a leaked database leaks no working link.
-- expires_at NULL: valid until its subject is gone; max_uses NULL: as often as needed.
CREATE TABLE emailed_link (
    token_hash   VARCHAR(64) PRIMARY KEY,
    subject_type VARCHAR(40) NOT NULL,
    subject_id   BIGINT      NOT NULL,
    purpose      VARCHAR(20) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    max_uses     INTEGER,
    uses         INTEGER     NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX emailed_link_subject ON emailed_link (subject_type, subject_id);
CREATE INDEX emailed_link_expires ON emailed_link (expires_at);

-- Links already mailed keep working: the appeal's confirmation (expiring) and withdrawal links ...
INSERT INTO emailed_link (token_hash, subject_type, subject_id, purpose, expires_at, max_uses, uses, used_at, created_at)
SELECT t.token_hash, 'signature', t.signature_id, t.purpose, t.expires_at, NULL, 0, NULL, s.created_at
FROM signature_token t JOIN signature s ON s.id = t.signature_id;

-- ... and every event's management link (an unconfirmed event still expires by event.expires_at).
INSERT INTO emailed_link (token_hash, subject_type, subject_id, purpose, expires_at, max_uses, uses, used_at, created_at)
SELECT e.token_hash, 'event', e.id, 'MANAGE', NULL, NULL, 0, NULL, e.created_at
FROM event e WHERE e.demo_key IS NULL;

DROP TABLE signature_token;
ALTER TABLE event DROP CONSTRAINT event_token_unique;
ALTER TABLE event DROP COLUMN token_hash;
