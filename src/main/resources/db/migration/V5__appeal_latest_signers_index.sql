-- The latest signers of an appeal, newest first, without sorting all its signatures.
CREATE INDEX signature_latest ON signature (appeal_id, status, confirmed_at);
