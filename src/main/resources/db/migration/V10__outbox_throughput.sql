-- The outbox at a peak (docs/mail.md): transactional mail before bulk mail, limits per recipient domain, and
-- an index that finds due mail in the order it is sent.
-- priority: 0 transactional (confirmations, sign-in, invitations), 1 bulk (newsletters); lower goes first.
ALTER TABLE mail_outbox ADD COLUMN priority SMALLINT DEFAULT 0 NOT NULL;
-- the recipient's domain in lower case, for the per-domain limits and back-off ('' when unknown)
ALTER TABLE mail_outbox ADD COLUMN domain VARCHAR(254) DEFAULT '' NOT NULL;
UPDATE mail_outbox SET domain = LOWER(SUBSTRING(recipient FROM POSITION('@' IN recipient) + 1))
WHERE POSITION('@' IN recipient) > 0;
DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, failed_at, priority, next_attempt_at, id);
