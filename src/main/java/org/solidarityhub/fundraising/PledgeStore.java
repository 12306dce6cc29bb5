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

/** The pledge table (V21). */
@Repository
class PledgeStore {

    private static final String COLUMNS = "id, fundraiser_id, amount_minor, currency, need_id, display, public_name, email, "
            + "language, reference, state, created_at, confirmed_at, donation_id";

    private final JdbcClient jdbc;

    PledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewPledge(long fundraiserId, Money amount, @Nullable Long needId, Donation.Display display,
                     @Nullable String publicName, String email, String language, String reference, Instant createdAt) {
    }

    long insert(NewPledge p) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO pledge (fundraiser_id, amount_minor, currency, need_id, display, public_name, email,
                                            language, reference, state, created_at)
                        VALUES (:fundraiser, :amount, :currency, :need, :display, :name, :email, :language, :reference,
                                'UNCONFIRMED', :created)""")
                .param("fundraiser", p.fundraiserId()).param("amount", p.amount().minor())
                .param("currency", p.amount().currency()).param("need", p.needId()).param("display", p.display().name())
                .param("name", p.publicName()).param("email", p.email()).param("language", p.language())
                .param("reference", p.reference()).param("created", Timestamps.toDb(p.createdAt()))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean referenceTaken(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM pledge WHERE reference = :reference").param("reference", reference)
                .query(Long.class).single() > 0;
    }

    Optional<Pledge> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pledge WHERE id = :id").param("id", id).query(PledgeStore::row).optional();
    }

    /** How many confirmed pledges of one fundraiser wait for their money. */
    record Waiting(long fundraiserId, long count) {
    }

    /** Confirmed pledges waiting for their money, counted per fundraiser (those with none left out). */
    List<Waiting> waitingPerFundraiser() {
        return jdbc.sql("SELECT fundraiser_id, COUNT(*) AS waiting FROM pledge WHERE state = 'CONFIRMED'"
                        + " GROUP BY fundraiser_id ORDER BY fundraiser_id")
                .query((rs, n) -> new Waiting(rs.getLong("fundraiser_id"), rs.getLong("waiting"))).list();
    }

    /** Confirmed pledges waiting for their money, oldest first. */
    List<Pledge> waiting(long fundraiserId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pledge WHERE fundraiser_id = :fundraiser AND state = 'CONFIRMED'"
                        + " ORDER BY confirmed_at, id LIMIT :limit")
                .param("fundraiser", fundraiserId).param("limit", limit).query(PledgeStore::row).list();
    }

    /** The latest pledges decided (matched or cancelled), newest first. */
    List<Pledge> decided(long fundraiserId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pledge WHERE fundraiser_id = :fundraiser"
                        + " AND state IN ('MATCHED', 'CANCELLED') ORDER BY decided_at DESC, id DESC LIMIT :limit")
                .param("fundraiser", fundraiserId).param("limit", limit).query(PledgeStore::row).list();
    }

    /** Confirmed pledges not yet matched, per currency: what the public page may show as promised. */
    List<Money> waitingSums(long fundraiserId) {
        return jdbc.sql("SELECT currency, SUM(amount_minor) AS total FROM pledge WHERE fundraiser_id = :fundraiser"
                        + " AND state = 'CONFIRMED' GROUP BY currency ORDER BY currency")
                .param("fundraiser", fundraiserId)
                .query((rs, n) -> new Money(rs.getLong("total"), rs.getString("currency"))).list();
    }

    boolean confirm(long id, Instant at) {
        return jdbc.sql("UPDATE pledge SET state = 'CONFIRMED', confirmed_at = :at WHERE id = :id AND state = 'UNCONFIRMED'")
                .param("id", id).param("at", Timestamps.toDb(at)).update() == 1;
    }

    /** Matched to its donation: the address goes at once. */
    boolean match(long id, long donationId, Instant at) {
        return jdbc.sql("""
                        UPDATE pledge SET state = 'MATCHED', donation_id = :donation, decided_at = :at, email = NULL
                        WHERE id = :id AND state = 'CONFIRMED'""")
                .param("id", id).param("donation", donationId).param("at", Timestamps.toDb(at)).update() == 1;
    }

    boolean donationMatched(long donationId) {
        return jdbc.sql("SELECT COUNT(*) FROM pledge WHERE donation_id = :donation").param("donation", donationId)
                .query(Long.class).single() > 0;
    }

    boolean cancel(long id, Instant at) {
        return jdbc.sql("""
                        UPDATE pledge SET state = 'CANCELLED', decided_at = :at, email = NULL
                        WHERE id = :id AND state = 'CONFIRMED'""")
                .param("id", id).param("at", Timestamps.toDb(at)).update() == 1;
    }

    List<Long> unconfirmedBefore(Instant cutOff) {
        return jdbc.sql("SELECT id FROM pledge WHERE state = 'UNCONFIRMED' AND created_at < :cutOff")
                .param("cutOff", Timestamps.toDb(cutOff)).query(Long.class).list();
    }

    int delete(List<Long> ids) {
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM pledge WHERE id IN (:ids)").param("ids", ids).update();
    }

    /** Erases the addresses of pledges confirmed before the cut-off and still waiting; the pledges stay. */
    int eraseEmailsConfirmedBefore(Instant cutOff) {
        return jdbc.sql("UPDATE pledge SET email = NULL WHERE email IS NOT NULL AND state = 'CONFIRMED' AND confirmed_at < :cutOff")
                .param("cutOff", Timestamps.toDb(cutOff)).update();
    }

    private static Pledge row(ResultSet rs, int n) throws SQLException {
        long need = rs.getLong("need_id");
        Long needId = rs.wasNull() ? null : need;
        long donation = rs.getLong("donation_id");
        Long donationId = rs.wasNull() ? null : donation;
        return new Pledge(rs.getLong("id"), rs.getLong("fundraiser_id"),
                new Money(rs.getLong("amount_minor"), rs.getString("currency").strip()), needId,
                Donation.Display.valueOf(rs.getString("display")), rs.getString("public_name"), rs.getString("email"),
                rs.getString("language"), rs.getString("reference"), Pledge.State.valueOf(rs.getString("state")),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "confirmed_at"), donationId);
    }
}
