package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Purchases and their deliveries, as rows (their money and items are in the ledger). */
@Repository
class PurchaseStore {

    /** A purchase to insert, checked. */
    record NewPurchase(long needId, long quantity, Money total, Money base, @Nullable ExchangeRate rate,
                       String description, @Nullable Long supplierId, boolean supplierWithheld,
                       @Nullable Long intermediaryId, boolean intermediaryWithheld, LocalDate orderedOn) {
    }

    private final JdbcClient db;

    PurchaseStore(JdbcClient db) {
        this.db = db;
    }

    long insert(long fundraiserId, NewPurchase p, Purchase.Approval approval, @Nullable Long recordedBy, Instant now) {
        ExchangeRate rate = p.rate();
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO purchase (fundraiser_id, need_id, quantity, total_minor, currency, base_minor, rate,
                            rate_on, rate_source, description, supplier_id, supplier_withheld, intermediary_id,
                            intermediary_withheld, approval, status, ordered_on, recorded_at, recorded_by)
                        VALUES (:fundraiser, :need, :quantity, :total, :currency, :base, :rate, :rateOn, :rateSource,
                            :description, :supplier, :supplierWithheld, :intermediary, :intermediaryWithheld,
                            :approval, 'ORDERED', :orderedOn, :at, :by)""")
                .param("fundraiser", fundraiserId)
                .param("need", p.needId())
                .param("quantity", p.quantity())
                .param("total", p.total().minor())
                .param("currency", p.total().currency())
                .param("base", p.base().minor())
                .param("rate", rate == null ? null : rate.rate())
                .param("rateOn", rate == null ? null : rate.on())
                .param("rateSource", rate == null ? null : rate.source())
                .param("description", p.description())
                .param("supplier", p.supplierId())
                .param("supplierWithheld", p.supplierWithheld())
                .param("intermediary", p.intermediaryId())
                .param("intermediaryWithheld", p.intermediaryWithheld())
                .param("approval", approval.name())
                .param("orderedOn", p.orderedOn())
                .param("at", Timestamps.toDb(now))
                .param("by", recordedBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Sets the approval of a pending purchase; false when it was decided already. */
    boolean decide(long purchaseId, Purchase.Approval approval) {
        return db.sql("UPDATE purchase SET approval = :approval WHERE id = :id AND approval = 'PENDING'")
                .param("approval", approval.name()).param("id", purchaseId).update() == 1;
    }

    /** Moves an approved purchase from one status to the next; false when it had moved already. */
    boolean advance(long purchaseId, Purchase.Status from, Purchase.Status to, LocalDate on) {
        String column = switch (to) {
            case PAID -> "paid_on";
            case SHIPPED -> "shipped_on";
            case DELIVERED -> "delivered_on";
            case ORDERED -> throw new IllegalArgumentException("a purchase starts as ordered");
        };
        return db.sql("UPDATE purchase SET status = :to, " + column + """
                         = :on WHERE id = :id AND status = :from AND approval = 'APPROVED'""")
                .param("to", to.name()).param("on", on).param("id", purchaseId).param("from", from.name())
                .update() == 1;
    }

    /** Takes a purchase back to ordered, its later dates cleared (its payment was reversed). */
    void backToOrdered(long purchaseId) {
        db.sql("""
                        UPDATE purchase SET status = 'ORDERED', paid_on = NULL, shipped_on = NULL, delivered_on = NULL
                        WHERE id = :id""")
                .param("id", purchaseId).update();
    }

    Optional<Purchase> find(long id) {
        return db.sql("""
                        SELECT p.*, f.base_currency FROM purchase p JOIN fundraiser f ON f.id = p.fundraiser_id
                        WHERE p.id = :id""")
                .param("id", id).query(PurchaseStore::purchase).optional();
    }

    /** A fundraiser's purchases, newest first. */
    List<Purchase> latest(long fundraiserId, int limit) {
        return db.sql("""
                        SELECT p.*, f.base_currency FROM purchase p JOIN fundraiser f ON f.id = p.fundraiser_id
                        WHERE p.fundraiser_id = :f ORDER BY p.ordered_on DESC, p.id DESC LIMIT :limit""")
                .param("f", fundraiserId).param("limit", limit).query(PurchaseStore::purchase).list();
    }

    long insertDelivery(long purchaseId, long quantity, @Nullable Long recipientId, @Nullable String recipientText,
                        boolean hidden, LocalDate on, @Nullable String note, @Nullable Long recordedBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO delivery (purchase_id, quantity, recipient_id, recipient_text, recipient_hidden,
                            delivered_on, note, recorded_at, recorded_by)
                        VALUES (:purchase, :quantity, :recipient, :text, :hidden, :on, :note, :at, :by)""")
                .param("purchase", purchaseId).param("quantity", quantity).param("recipient", recipientId)
                .param("text", recipientText).param("hidden", hidden).param("on", on).param("note", note)
                .param("at", Timestamps.toDb(now)).param("by", recordedBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<Delivery> deliveries(long purchaseId) {
        return db.sql("SELECT * FROM delivery WHERE purchase_id = :p ORDER BY delivered_on, id")
                .param("p", purchaseId).query(PurchaseStore::delivery).list();
    }

    /** Sets or clears a delivery's photo, if it still is {@code expected}; false when another request changed it. */
    boolean deliveryPhoto(long deliveryId, @Nullable Long expected, @Nullable Long mediaId) {
        return db.sql("UPDATE delivery SET media_id = :m WHERE id = :id AND "
                        + (expected == null ? "media_id IS NULL" : "media_id = :e"))
                .param("m", mediaId).param("id", deliveryId).param("e", expected).update() > 0;
    }

    /** Locks a purchase's row until the end of the transaction, so two deliveries of it are counted one by one. */
    void lock(long purchaseId) {
        db.sql("SELECT id FROM purchase WHERE id = :id FOR UPDATE").param("id", purchaseId).query(Long.class).list();
    }

    private static Purchase purchase(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        String base = rs.getString("base_currency");
        BigDecimal rate = rs.getBigDecimal("rate");
        return new Purchase(rs.getLong("id"), rs.getLong("fundraiser_id"), rs.getLong("need_id"),
                rs.getLong("quantity"), new Money(rs.getLong("total_minor"), currency),
                new Money(rs.getLong("base_minor"), base),
                rate == null ? null : new ExchangeRate(currency, base, rate.stripTrailingZeros(),
                        rs.getObject("rate_on", LocalDate.class), rs.getString("rate_source")),
                rs.getString("description"), Ledger.nullableLong(rs, "supplier_id"),
                rs.getBoolean("supplier_withheld"), Ledger.nullableLong(rs, "intermediary_id"),
                rs.getBoolean("intermediary_withheld"), Purchase.Approval.valueOf(rs.getString("approval")),
                Purchase.Status.valueOf(rs.getString("status")), rs.getObject("ordered_on", LocalDate.class),
                rs.getObject("paid_on", LocalDate.class), rs.getObject("shipped_on", LocalDate.class),
                rs.getObject("delivered_on", LocalDate.class), Timestamps.fromDb(rs, "recorded_at"));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("purchase_id"), rs.getLong("quantity"),
                Ledger.nullableLong(rs, "recipient_id"), rs.getString("recipient_text"),
                rs.getBoolean("recipient_hidden"), rs.getObject("delivered_on", LocalDate.class),
                Ledger.nullableLong(rs, "media_id"), rs.getString("note"), Timestamps.fromDb(rs, "recorded_at"));
    }
}
