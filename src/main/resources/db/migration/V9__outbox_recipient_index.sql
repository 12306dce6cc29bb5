-- Mail to one address is erased when its person withdraws (and listed for staff): find it without a scan.
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient);
