package org.solidarityhub.fundraising;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The four-eyes requests, as rows. */
@Repository
class ApprovalStore {

    private final JdbcClient db;

    ApprovalStore(JdbcClient db) {
        this.db = db;
    }

    long insert(long fundraiserId, Approval.Kind kind, @Nullable Long purchaseId, @Nullable Long transactionId,
                @Nullable String reason, Money amount, long requestedBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO approval (fundraiser_id, kind, purchase_id, transaction_id, reason, amount_minor,
                            state, requested_by, requested_at)
                        VALUES (:fundraiser, :kind, :purchase, :tx, :reason, :amount, 'PENDING', :by, :at)""")
                .param("fundraiser", fundraiserId).param("kind", kind.name()).param("purchase", purchaseId)
                .param("tx", transactionId).param("reason", reason).param("amount", amount.minor())
                .param("by", requestedBy).param("at", Timestamps.toDb(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Decides a pending request; false when it was decided already (by someone else, a moment before), or when the
     * one who asked would approve it. Anyone may reject (the one who asked withdraws it).
     */
    boolean decide(long id, Approval.State state, long decidedBy, Instant now) {
        return db.sql("""
                        UPDATE approval SET state = :state, decided_by = :by, decided_at = :at
                        WHERE id = :id AND state = 'PENDING' AND (:state <> 'APPROVED' OR requested_by <> :by)""")
                .param("state", state.name()).param("by", decidedBy).param("at", Timestamps.toDb(now))
                .param("id", id)
                .update() == 1;
    }

    Optional<Approval> find(long id) {
        return db.sql("""
                        SELECT a.*, f.base_currency FROM approval a JOIN fundraiser f ON f.id = a.fundraiser_id
                        WHERE a.id = :id""")
                .param("id", id).query(ApprovalStore::approval).optional();
    }

    /** Whether a correction of this transaction waits already. */
    boolean pendingReversal(long transactionId) {
        return db.sql("SELECT COUNT(*) FROM approval WHERE transaction_id = :tx AND kind = 'REVERSAL' AND state = 'PENDING'")
                .param("tx", transactionId).query(Long.class).single() > 0;
    }

    /** How many requests wait for a second treasurer, over every fundraiser. */
    long pendingCount() {
        return db.sql("SELECT COUNT(*) FROM approval WHERE state = 'PENDING'").query(Long.class).single();
    }

    /** What waits for a second treasurer, oldest first; {@code fundraiserId} null for every fundraiser. */
    List<Approval> pending(@Nullable Long fundraiserId) {
        return db.sql("""
                        SELECT a.*, f.base_currency FROM approval a JOIN fundraiser f ON f.id = a.fundraiser_id
                        WHERE a.state = 'PENDING' AND (:all OR a.fundraiser_id = :f)
                        ORDER BY a.requested_at, a.id""")
                .param("all", fundraiserId == null).param("f", fundraiserId == null ? 0L : fundraiserId)
                .query(ApprovalStore::approval).list();
    }

    private static Approval approval(ResultSet rs, int row) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getLong("fundraiser_id"), Approval.Kind.valueOf(rs.getString("kind")),
                Ledger.nullableLong(rs, "purchase_id"), Ledger.nullableLong(rs, "transaction_id"),
                rs.getString("reason"), new Money(rs.getLong("amount_minor"), rs.getString("base_currency")),
                Approval.State.valueOf(rs.getString("state")), rs.getLong("requested_by"),
                Timestamps.fromDb(rs, "requested_at"), Ledger.nullableLong(rs, "decided_by"),
                rs.getTimestamp("decided_at") == null ? null : Timestamps.fromDb(rs, "decided_at"));
    }
}
