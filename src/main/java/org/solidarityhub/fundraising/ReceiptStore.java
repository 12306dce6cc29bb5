package org.solidarityhub.fundraising;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Receipts of purchases ({@code purchase_receipt}): one row per page, {@code public_media_id} the page's media item
 * (redacted, then published), {@code original_media_id} the item through which the private original opens (the
 * first page's, shared by all pages of one upload, which it groups). A receipt's id is its first page's row id.
 */
@Repository
class ReceiptStore {

    /** One page of a receipt. */
    record Page(long id, long receiptId, long purchaseId, long mediaId, long originalMediaId, Instant createdAt,
                @Nullable Instant publishedAt) {
    }

    private static final String PAGES = """
            SELECT r.id, r.purchase_id, r.public_media_id, r.original_media_id, r.created_at, r.published_at,
                   (SELECT MIN(f.id) FROM purchase_receipt f WHERE f.original_media_id = r.original_media_id) AS receipt_id
            FROM purchase_receipt r""";

    private final JdbcClient db;

    ReceiptStore(JdbcClient db) {
        this.db = db;
    }

    /** Records the pages of one upload, in page order (their media ids); the first page's item keeps the original. */
    void insert(long purchaseId, List<Long> mediaIds, Instant now) {
        for (long mediaId : mediaIds) {
            db.sql("""
                            INSERT INTO purchase_receipt (purchase_id, public_media_id, original_media_id, created_at)
                            VALUES (:purchase, :media, :original, :at)""")
                    .param("purchase", purchaseId).param("media", mediaId).param("original", mediaIds.getFirst())
                    .param("at", Timestamps.toDb(now)).update();
        }
    }

    /** Every page of the purchase's receipts, receipt by receipt, in page order. */
    List<Page> ofPurchase(long purchaseId) {
        return db.sql(PAGES + " WHERE r.purchase_id = :p ORDER BY r.original_media_id, r.public_media_id")
                .param("p", purchaseId).query(ReceiptStore::page).list();
    }

    /** The pages of one receipt of this purchase (empty when the receipt is another purchase's, or unknown). */
    List<Page> receipt(long purchaseId, long receiptId) {
        return db.sql(PAGES + """
                         WHERE r.purchase_id = :p AND r.original_media_id =
                            (SELECT f.original_media_id FROM purchase_receipt f WHERE f.id = :r AND f.purchase_id = :p)
                        ORDER BY r.public_media_id""")
                .param("p", purchaseId).param("r", receiptId).query(ReceiptStore::page).list();
    }

    int count(long purchaseId) {
        return db.sql("SELECT COUNT(DISTINCT original_media_id) FROM purchase_receipt WHERE purchase_id = :p")
                .param("p", purchaseId).query(Integer.class).single();
    }

    /** Marks a receipt's pages published; false when another request did it first. */
    boolean publish(long originalMediaId, Instant now) {
        return db.sql("UPDATE purchase_receipt SET published_at = :at WHERE original_media_id = :o AND published_at IS NULL")
                .param("at", Timestamps.toDb(now)).param("o", originalMediaId).update() > 0;
    }

    /** Deletes a receipt's rows; false when another request did it first. */
    boolean delete(long originalMediaId) {
        return db.sql("DELETE FROM purchase_receipt WHERE original_media_id = :o").param("o", originalMediaId).update() > 0;
    }

    /** The published pages' media items of these purchases, in page order. */
    List<Page> published(long purchaseId) {
        return db.sql(PAGES + " WHERE r.purchase_id = :p AND r.published_at IS NOT NULL ORDER BY r.original_media_id, r.public_media_id")
                .param("p", purchaseId).query(ReceiptStore::page).list();
    }

    private static Page page(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Page(rs.getLong("id"), rs.getLong("receipt_id"), rs.getLong("purchase_id"),
                rs.getLong("public_media_id"), rs.getLong("original_media_id"), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "published_at"));
    }
}
