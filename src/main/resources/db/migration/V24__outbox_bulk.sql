-- Bulk mail (the updates to supporters, docs/mail.md): the one-click unsubscribe address of a mail (RFC 8058: the
-- sender adds List-Unsubscribe and List-Unsubscribe-Post when it is set), and the list a bulk mail belongs to with
-- its item (one recipient of one update), so that queuing a list again never queues anyone twice and its progress
-- is read by one indexed query.
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe VARCHAR(500);
ALTER TABLE mail_outbox ADD COLUMN bulk_group VARCHAR(60);
ALTER TABLE mail_outbox ADD COLUMN bulk_item BIGINT;
CREATE UNIQUE INDEX mail_outbox_bulk ON mail_outbox (bulk_group, bulk_item);
