-- Media receipts (media module; see docs/media.md, "Receipts"):
-- redactions: regions filled opaque black in the variants, "x,y,w,h" separated by ";" (empty: none), beside the
--             blurred regions.
-- original_key: the upload as received, kept privately for staff when the owner asked for it (never served at
--             /media); the pages of one PDF share it, and it is deleted with the last of them.
-- page_number, page_count: a PDF's page this item was rendered from (1-based) and the PDF's pages; 0 and 0 otherwise.
ALTER TABLE media_item ADD COLUMN redactions VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE media_item ADD COLUMN original_key VARCHAR(100);
ALTER TABLE media_item ADD COLUMN page_number INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE media_item ADD COLUMN page_count INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX media_item_original ON media_item (original_key);
