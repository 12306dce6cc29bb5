package org.solidarityhub.fundraising;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Fundraisers for tests, written straight into the table. */
final class LedgerFixture {

    private LedgerFixture() {
    }

    static long fundraiser(JdbcClient db, String baseCurrency) {
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        INSERT INTO fundraiser (slug, title, summary, base_currency, how_to_give, state, created_at)
                        VALUES (:slug, 'Test', '', :currency, '', 'OPEN', :at)""")
                .param("slug", slug).param("currency", baseCurrency)
                .param("at", OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .update();
        return db.sql("SELECT id FROM fundraiser WHERE slug = :slug").param("slug", slug).query(Long.class).single();
    }
}
