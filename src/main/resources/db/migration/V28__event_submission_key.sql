-- Two identical submissions at once (a double click, a form posted twice) store one event and one mail: each
-- submission carries the SHA-256 of its campaign, contact address (normalized), content and time window
-- (events.duplicate-window), and the unique key lets only the first one in. The key is cleared with the contact
-- email (events.contact-retention). NULL for demo content; NULLs never conflict.
ALTER TABLE event ADD COLUMN submission_key VARCHAR(64);
ALTER TABLE event ADD CONSTRAINT event_submission_key_unique UNIQUE (submission_key);
