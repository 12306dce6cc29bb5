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

/** Fundraisers and their needs, as rows. */
@Repository
class FundraiserStore {

    private final JdbcClient db;

    FundraiserStore(JdbcClient db) {
        this.db = db;
    }

    long insert(String slug, String title, String summary, String baseCurrency, @Nullable Long goalMinor,
                @Nullable Long campaignId, String howToGive, Fundraiser.State state, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO fundraiser (slug, title, summary, base_currency, goal_minor, campaign_id, how_to_give,
                            state, created_at)
                        VALUES (:slug, :title, :summary, :base, :goal, :campaign, :how, :state, :at)""")
                .param("slug", slug).param("title", title).param("summary", summary).param("base", baseCurrency)
                .param("goal", goalMinor).param("campaign", campaignId).param("how", howToGive)
                .param("state", state.name()).param("at", Timestamps.toDb(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean slugTaken(String slug) {
        return db.sql("SELECT COUNT(*) FROM fundraiser WHERE slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }

    void update(long id, String title, String summary, @Nullable Long goalMinor, @Nullable Long campaignId,
                String howToGive, Fundraiser.State state) {
        db.sql("""
                        UPDATE fundraiser SET title = :title, summary = :summary, goal_minor = :goal,
                            campaign_id = :campaign, how_to_give = :how, state = :state
                        WHERE id = :id""")
                .param("title", title).param("summary", summary).param("goal", goalMinor)
                .param("campaign", campaignId).param("how", howToGive).param("state", state.name())
                .param("id", id)
                .update();
    }

    Optional<Fundraiser> find(long id) {
        return db.sql("SELECT * FROM fundraiser WHERE id = :id").param("id", id).query(FundraiserStore::fundraiser)
                .optional();
    }

    Optional<Fundraiser> bySlug(String slug) {
        return db.sql("SELECT * FROM fundraiser WHERE slug = :slug").param("slug", slug)
                .query(FundraiserStore::fundraiser).optional();
    }

    /** Every fundraiser, newest first; {@code publicOnly}: those not in draft. */
    List<Fundraiser> all(boolean publicOnly) {
        return db.sql("SELECT * FROM fundraiser WHERE (:all OR state <> 'DRAFT') ORDER BY created_at DESC, id DESC")
                .param("all", !publicOnly)
                .query(FundraiserStore::fundraiser).list();
    }

    long insertNeed(long fundraiserId, String item, String description, long quantity, long unitCostMinor,
                    Need.Priority priority, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO need (fundraiser_id, item, description, quantity, unit_cost_minor, priority, state,
                            created_at)
                        VALUES (:fundraiser, :item, :description, :quantity, :cost, :priority, 'OPEN', :at)""")
                .param("fundraiser", fundraiserId).param("item", item).param("description", description)
                .param("quantity", quantity).param("cost", unitCostMinor).param("priority", priority.name())
                .param("at", Timestamps.toDb(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void needState(long needId, Need.State state) {
        db.sql("UPDATE need SET state = :state WHERE id = :id").param("state", state.name()).param("id", needId)
                .update();
    }

    /** A fundraiser's needs: open before met, then by priority, then in the order added. */
    List<Need> needs(long fundraiserId) {
        return db.sql("""
                        SELECT n.*, f.base_currency FROM need n JOIN fundraiser f ON f.id = n.fundraiser_id
                        WHERE n.fundraiser_id = :fundraiser
                        ORDER BY CASE n.state WHEN 'OPEN' THEN 0 ELSE 1 END,
                                 CASE n.priority WHEN 'HIGH' THEN 0 WHEN 'NORMAL' THEN 1 ELSE 2 END, n.id""")
                .param("fundraiser", fundraiserId)
                .query(FundraiserStore::need).list();
    }

    Optional<Need> need(long needId) {
        return db.sql("""
                        SELECT n.*, f.base_currency FROM need n JOIN fundraiser f ON f.id = n.fundraiser_id
                        WHERE n.id = :id""")
                .param("id", needId)
                .query(FundraiserStore::need).optional();
    }

    private static Fundraiser fundraiser(ResultSet rs, int row) throws SQLException {
        return new Fundraiser(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("summary"),
                rs.getString("base_currency"), Ledger.nullableLong(rs, "goal_minor"),
                Ledger.nullableLong(rs, "campaign_id"), rs.getString("how_to_give"),
                Fundraiser.State.valueOf(rs.getString("state")), Timestamps.fromDb(rs, "created_at"));
    }

    private static Need need(ResultSet rs, int row) throws SQLException {
        return new Need(rs.getLong("id"), rs.getLong("fundraiser_id"), rs.getString("item"),
                rs.getString("description"), rs.getLong("quantity"),
                new Money(rs.getLong("unit_cost_minor"), rs.getString("base_currency")),
                Need.Priority.valueOf(rs.getString("priority")), Need.State.valueOf(rs.getString("state")),
                Timestamps.fromDb(rs, "created_at"));
    }
}
