package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Links mailed before the submissions module keep working: the migration moves them into one table. */
class LinkMigrationTest {

    @Test
    void linksAlreadyMailedAreMovedIntoTheOneTable() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:links-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).target("7").load().migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        db.sql("INSERT INTO appeal (id, slug, default_language, state, created_at) VALUES (1, 'a', 'en', 'OPEN', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')").update();
        db.sql("INSERT INTO appeal_revision (id, appeal_id, language, number, title, body, created_at, created_by) VALUES (1, 1, 'en', 1, 'T', 'B', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'x')").update();
        db.sql("""
                INSERT INTO signature (id, appeal_id, revision_id, language, kind, status, email, country, display, review,
                    comment_status, updates, flagged, mails_sent, counted, needs_count, state_version, created_at)
                VALUES (7, 1, 1, 'en', 'INDIVIDUAL', 'PENDING', 'a@example.org', 'BE', 'HIDDEN', 'NONE', 'NONE', FALSE, FALSE, 1,
                    FALSE, FALSE, 0, TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00')""").update();
        String confirm = Tokens.newToken();
        String withdraw = Tokens.newToken();
        db.sql("INSERT INTO signature_token (token_hash, signature_id, purpose, expires_at) VALUES (:h, 7, 'CONFIRM', TIMESTAMP WITH TIME ZONE '2026-01-09 00:00:00+00')")
                .param("h", Tokens.hash(confirm)).update();
        db.sql("INSERT INTO signature_token (token_hash, signature_id, purpose, expires_at) VALUES (:h, 7, 'WITHDRAW', NULL)")
                .param("h", Tokens.hash(withdraw)).update();
        db.sql("INSERT INTO campaign (id, slug, starts_on, ends_on, created_at) VALUES (1, 'c', DATE '2027-02-24', DATE '2027-03-03', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')").update();
        String manage = Tokens.newToken();
        db.sql("""
                INSERT INTO event (id, campaign_id, status, token_hash, contact_email, language, created_at, expires_at, updated_at)
                VALUES (3, 1, 'UNCONFIRMED', :h, 'b@example.org', 'en', TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00',
                    TIMESTAMP WITH TIME ZONE '2026-01-10 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00')""")
                .param("h", Tokens.hash(manage)).update();
        db.sql("""
                INSERT INTO event (id, campaign_id, status, token_hash, language, created_at, updated_at, demo_key)
                VALUES (4, 1, 'APPROVED', :h, 'en', TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00',
                    TIMESTAMP WITH TIME ZONE '2026-01-03 00:00:00+00', 'demo-1')""")
                .param("h", Tokens.hash(Tokens.newToken())).update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        List<Map<String, Object>> links = db.sql("""
                        SELECT token_hash, subject_type, subject_id, purpose, expires_at IS NOT NULL AS expires, max_uses, uses
                        FROM emailed_link ORDER BY subject_type, purpose""").query().listOfRows();
        assertThat(links).hasSize(3);
        assertThat(links.get(0)).containsEntry("token_hash", Tokens.hash(manage)).containsEntry("subject_type", "event")
                .containsEntry("purpose", "MANAGE").containsEntry("expires", false).containsEntry("max_uses", null);
        assertThat(links.get(1)).containsEntry("token_hash", Tokens.hash(confirm)).containsEntry("subject_type", "signature")
                .containsEntry("purpose", "CONFIRM").containsEntry("expires", true);
        assertThat(links.get(2)).containsEntry("token_hash", Tokens.hash(withdraw)).containsEntry("purpose", "WITHDRAW")
                .containsEntry("expires", false);
        assertThat(((Number) links.get(1).get("subject_id")).longValue()).isEqualTo(7);
        assertThat(((Number) links.get(0).get("subject_id")).longValue()).isEqualTo(3);
        assertThat(db.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'signature_token'")
                .query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'event' AND column_name = 'token_hash'")
                .query(Long.class).single()).isZero();
    }
}
