package org.solidarityhub.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public list of signatories: only confirmed, counted signatures, and of each only what its signer chose
 * to show. Verified organizations first (with their websites), then individuals who chose to appear.
 * Comments appear only once a moderator approved them. Emails, IP addresses and hidden signers never leave here.
 */
@Component
class Signatories {

    /** One line of the public list. {@code name} is the full or first name, or the organization's name. */
    record PublicSigner(String kind, String name, String city, String country, String website, String comment,
                        Long organizationId) {
    }

    private static final String PUBLIC = """
            FROM signature s LEFT JOIN organization o ON o.id = s.organization_id
            WHERE s.appeal_id = :appeal AND s.status = 'CONFIRMED' AND s.counted = TRUE
              AND (s.kind = 'ORGANIZATION' OR s.display <> 'HIDDEN')
              AND (:country = '' OR s.country = :country)""";

    private static final String COLUMNS = "SELECT s.kind, s.name, s.display, s.city, s.country, s.comment, s.comment_status, "
            + "o.id AS organization_id, o.name AS organization_name, o.website ";

    private final JdbcClient db;
    private final int latestSigners;

    Signatories(JdbcClient db, AppealProperties properties) {
        this.db = db;
        this.latestSigners = properties.latestSigners();
    }

    /**
     * One page of the list: organizations first, then individuals, each oldest first. Two queries, so that each
     * walks an index instead of sorting every signature.
     */
    List<PublicSigner> page(long appealId, String country, int limit, int offset) {
        long organizations = count(appealId, country, "ORGANIZATION");
        List<PublicSigner> page = new java.util.ArrayList<>();
        if (offset < organizations) {
            page.addAll(kind(appealId, country, "ORGANIZATION", limit, offset));
        }
        if (page.size() < limit) {
            page.addAll(kind(appealId, country, "INDIVIDUAL", limit - page.size(), (int) Math.max(0, offset - organizations)));
        }
        return page;
    }

    private List<PublicSigner> kind(long appealId, String country, String kind, int limit, int offset) {
        return db.sql(COLUMNS + PUBLIC + " AND s.kind = :kind ORDER BY s.confirmed_at, s.id LIMIT :limit OFFSET :offset")
                .param("appeal", appealId).param("country", country).param("kind", kind).param("limit", limit)
                .param("offset", offset).query(Signatories::signer).list();
    }

    private long count(long appealId, String country, String kind) {
        return db.sql("SELECT COUNT(*) " + PUBLIC + " AND s.kind = :kind")
                .param("appeal", appealId).param("country", country).param("kind", kind).query(Long.class).single();
    }

    long total(long appealId, String country) {
        return db.sql("SELECT COUNT(*) " + PUBLIC).param("appeal", appealId).param("country", country).query(Long.class).single();
    }

    /** The latest individuals who chose to appear, newest first (the organizations have their own wall). */
    List<PublicSigner> latest(long appealId) {
        int limit = latestSigners;
        return db.sql(COLUMNS + PUBLIC + " AND s.kind = 'INDIVIDUAL' ORDER BY s.confirmed_at DESC, s.id DESC LIMIT :limit")
                .param("appeal", appealId).param("country", "").param("limit", limit)
                .query(Signatories::signer).list();
    }

    /** The first verified organizations that signed, oldest first, for the name wall on the appeal page. */
    List<PublicSigner> organizations(long appealId, int limit) {
        return kind(appealId, "", "ORGANIZATION", limit, 0);
    }

    private static PublicSigner signer(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("kind");
        String comment = "APPROVED".equals(rs.getString("comment_status")) ? rs.getString("comment") : null;
        if ("ORGANIZATION".equals(kind)) {
            long organizationId = rs.getLong("organization_id");
            return new PublicSigner(kind, rs.getString("organization_name"), null, rs.getString("country"),
                    rs.getString("website"), comment, organizationId);
        }
        boolean full = "FULL_NAME".equals(rs.getString("display"));
        String name = full ? rs.getString("name") : SignRequest.firstName(rs.getString("name"));
        return new PublicSigner(kind, name, full ? rs.getString("city") : null, rs.getString("country"), null, comment, null);
    }
}
