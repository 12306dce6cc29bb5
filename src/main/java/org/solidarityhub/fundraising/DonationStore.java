package org.solidarityhub.fundraising;

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

/** Donations, as rows (their money is in the ledger). */
@Repository
class DonationStore {

    private final JdbcClient db;

    DonationStore(JdbcClient db) {
        this.db = db;
    }

    long insert(long fundraiserId, Donations.NewDonation d, @Nullable Long recordedBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO donation (fundraiser_id, amount_minor, currency, received_on, channel, in_kind_item,
                            display, public_name, need_id, reference, bank_transaction_id, recorded_at, recorded_by)
                        VALUES (:fundraiser, :amount, :currency, :on, :channel, :item, :display, :name, :need,
                            :reference, :bank, :at, :by)""")
                .param("fundraiser", fundraiserId)
                .param("amount", d.amount().minor())
                .param("currency", d.amount().currency())
                .param("on", d.receivedOn())
                .param("channel", d.channel().name())
                .param("item", d.inKindItem())
                .param("display", d.display().name())
                .param("name", d.display() == Donation.Display.ANONYMOUS ? null : d.publicName())
                .param("need", d.needId())
                .param("reference", d.reference())
                .param("bank", d.bankTransactionId())
                .param("at", Timestamps.toDb(now))
                .param("by", recordedBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean bankTransactionKnown(long fundraiserId, String bankTransactionId) {
        return db.sql("SELECT COUNT(*) FROM donation WHERE fundraiser_id = :f AND bank_transaction_id = :bank")
                .param("f", fundraiserId).param("bank", bankTransactionId).query(Long.class).single() > 0;
    }

    Optional<Donation> find(long id) {
        return db.sql("SELECT * FROM donation WHERE id = :id").param("id", id).query(DonationStore::donation).optional();
    }

    /** A fundraiser's donations, newest first. */
    List<Donation> latest(long fundraiserId, int limit, int offset) {
        return db.sql("""
                        SELECT * FROM donation WHERE fundraiser_id = :f
                        ORDER BY received_on DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("f", fundraiserId).param("limit", limit).param("offset", offset)
                .query(DonationStore::donation).list();
    }

    private static Donation donation(ResultSet rs, int row) throws SQLException {
        return new Donation(rs.getLong("id"), rs.getLong("fundraiser_id"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getObject("received_on", LocalDate.class), Donation.Channel.valueOf(rs.getString("channel")),
                rs.getString("in_kind_item"), Donation.Display.valueOf(rs.getString("display")),
                rs.getString("public_name"), Ledger.nullableLong(rs, "need_id"), rs.getString("reference"),
                rs.getString("bank_transaction_id"), Timestamps.fromDb(rs, "recorded_at"));
    }
}
