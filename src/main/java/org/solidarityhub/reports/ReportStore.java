package org.solidarityhub.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of reports, their links and items: writing, and what the sender and the moderators read. */
@Repository
class ReportStore {

    /** A report to store with its links and items. */
    record NewReport(long campaignId, @Nullable Long eventId, String language, String body, @Nullable Integer attendance,
                     @Nullable String country, @Nullable String eventType, ReportState state, @Nullable String senderIp,
                     Instant createdAt, @Nullable String demoKey, List<StoredReport.Link> links, List<NewItem> items) {
    }

    /** An item to store: the media module's item id, its kind, the sender's blur request. */
    record NewItem(long mediaId, String kind, boolean blurRequested) {
    }

    /** Reports that wait for a moderator: new ones, and published ones with an item not yet decided. */
    private static final String WAITING = """
            FROM report r WHERE r.state = 'PENDING' OR (r.state = 'PUBLISHED' AND EXISTS
              (SELECT 1 FROM report_media m WHERE m.report_id = r.id AND m.moderation = 'PENDING'))""";

    private final JdbcClient db;

    ReportStore(JdbcClient db) {
        this.db = db;
    }

    long insert(NewReport report) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                        INSERT INTO report (campaign_id, event_id, language, body, attendance, country, event_type, state,
                                            sender_ip, created_at, confirmed_at, demo_key)
                        VALUES (:campaign, :event, :language, :body, :attendance, :country, :type, :state, :ip, :now,
                                :confirmed, :demo)""")
                .param("campaign", report.campaignId()).param("event", report.eventId())
                .param("language", report.language()).param("body", report.body()).param("attendance", report.attendance())
                .param("country", report.country()).param("type", report.eventType()).param("state", report.state().name())
                .param("ip", report.senderIp()).param("now", Timestamps.toDb(report.createdAt()))
                .param("confirmed", report.state() == ReportState.UNCONFIRMED ? null : Timestamps.toDb(report.createdAt()))
                .param("demo", report.demoKey())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        int position = 0;
        for (StoredReport.Link link : report.links()) {
            db.sql("INSERT INTO report_link (report_id, position, url, host) VALUES (:id, :position, :url, :host)")
                    .param("id", id).param("position", position++).param("url", link.url()).param("host", link.host()).update();
        }
        position = 0;
        for (NewItem item : report.items()) {
            db.sql("""
                            INSERT INTO report_media (report_id, position, media_id, kind, moderation, blur_requested)
                            VALUES (:id, :position, :media, :kind, 'PENDING', :blur)""")
                    .param("id", id).param("position", position++).param("media", item.mediaId()).param("kind", item.kind())
                    .param("blur", item.blurRequested()).update();
        }
        return id;
    }

    Optional<StoredReport> find(long id) {
        return withDetails(db.sql("SELECT * FROM report WHERE id = :id").param("id", id).query(ReportStore::report).list())
                .stream().findFirst();
    }

    boolean demoExists(String demoKey) {
        return db.sql("SELECT COUNT(*) FROM report WHERE demo_key = :key").param("key", demoKey).query(Long.class).single() > 0;
    }

    /** Every report sent for an event (its organizers' page), newest first. */
    List<StoredReport> ofEvent(long eventId) {
        return withDetails(db.sql("SELECT * FROM report WHERE event_id = :id ORDER BY created_at DESC, id DESC")
                .param("id", eventId).query(ReportStore::report).list());
    }

    /** The published reports of an event, newest first, with all their items (the caller shows the approved). */
    List<StoredReport> publishedOfEvent(long eventId) {
        return withDetails(db.sql("""
                        SELECT * FROM report WHERE event_id = :id AND state = 'PUBLISHED'
                        ORDER BY published_at DESC, id DESC""")
                .param("id", eventId).query(ReportStore::report).list());
    }

    /** A page of a campaign's published reports, newest first. */
    List<StoredReport> published(long campaignId, int offset, int limit) {
        return withDetails(db.sql("""
                        SELECT * FROM report WHERE campaign_id = :campaign AND state = 'PUBLISHED'
                        ORDER BY published_at DESC, id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY""")
                .param("campaign", campaignId).param("offset", offset).param("limit", limit)
                .query(ReportStore::report).list());
    }

    long publishedCount(long campaignId) {
        return db.sql("SELECT COUNT(*) FROM report WHERE campaign_id = :campaign AND state = 'PUBLISHED'")
                .param("campaign", campaignId).query(Long.class).single();
    }

    void confirm(long id, Instant now) {
        db.sql("UPDATE report SET state = 'PENDING', confirmed_at = :now WHERE id = :id AND state = 'UNCONFIRMED'")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    void publish(long id, Instant now) {
        db.sql("UPDATE report SET state = 'PUBLISHED', published_at = COALESCE(published_at, :now) WHERE id = :id")
                .param("id", id).param("now", Timestamps.toDb(now)).update();
    }

    void hide(long id) {
        db.sql("UPDATE report SET state = 'HIDDEN' WHERE id = :id").param("id", id).update();
    }

    /** Decides on one item of a report; false when the report has no such item. */
    boolean decide(long reportId, long itemId, ItemModeration moderation, Instant now) {
        return db.sql("UPDATE report_media SET moderation = :moderation, decided_at = :now WHERE id = :item AND report_id = :report")
                .param("moderation", moderation.name()).param("now", Timestamps.toDb(now))
                .param("item", itemId).param("report", reportId).update() == 1;
    }

    long waitingCount() {
        return db.sql("SELECT COUNT(*) " + WAITING).query(Long.class).single();
    }

    /** The reports that wait longest first. */
    List<StoredReport> waiting(int limit) {
        return withDetails(db.sql("SELECT * " + WAITING + " ORDER BY r.confirmed_at, r.id FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(ReportStore::report).list());
    }

    /** The ids of reports never confirmed that were sent before the cut-off. */
    List<Long> unconfirmedBefore(Instant cutOff) {
        return db.sql("SELECT id FROM report WHERE state = 'UNCONFIRMED' AND created_at < :cutOff")
                .param("cutOff", Timestamps.toDb(cutOff)).query(Long.class).list();
    }

    /** The media items of some reports (to be deleted with them). */
    List<Long> mediaOf(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT media_id FROM report_media WHERE report_id IN (:ids)").param("ids", reportIds)
                .query(Long.class).list();
    }

    int delete(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return 0;
        }
        return db.sql("DELETE FROM report WHERE id IN (:ids)").param("ids", reportIds).update();
    }

    /** Erases the senders' IP addresses of reports sent before the cut-off; returns how many. */
    int eraseIps(Instant cutOff) {
        return db.sql("UPDATE report SET sender_ip = NULL WHERE sender_ip IS NOT NULL AND created_at < :cutOff")
                .param("cutOff", Timestamps.toDb(cutOff)).update();
    }

    private List<StoredReport> withDetails(List<StoredReport> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        List<Long> ids = reports.stream().map(StoredReport::id).toList();
        Map<Long, List<StoredReport.Link>> links = new HashMap<>();
        db.sql("SELECT * FROM report_link WHERE report_id IN (:ids) ORDER BY report_id, position").param("ids", ids)
                .query((rs, n) -> links.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>())
                        .add(new StoredReport.Link(rs.getString("url"), rs.getString("host")))).list();
        Map<Long, List<StoredReport.Item>> items = new HashMap<>();
        db.sql("SELECT * FROM report_media WHERE report_id IN (:ids) ORDER BY report_id, position").param("ids", ids)
                .query((rs, n) -> items.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>())
                        .add(new StoredReport.Item(rs.getLong("id"), rs.getLong("media_id"), rs.getString("kind"),
                                ItemModeration.valueOf(rs.getString("moderation")), rs.getBoolean("blur_requested")))).list();
        return reports.stream().map(r -> new StoredReport(r.id(), r.campaignId(), r.eventId(), r.language(), r.body(),
                r.attendance(), r.country(), r.eventType(), r.state(), r.createdAt(), r.confirmedAt(), r.publishedAt(),
                List.copyOf(links.getOrDefault(r.id(), List.of())), List.copyOf(items.getOrDefault(r.id(), List.of())))).toList();
    }

    private static StoredReport report(ResultSet rs, int n) throws SQLException {
        long event = rs.getLong("event_id");
        Long eventId = rs.wasNull() ? null : event;
        int attendance = rs.getInt("attendance");
        Integer attendanceValue = rs.wasNull() ? null : attendance;
        return new StoredReport(rs.getLong("id"), rs.getLong("campaign_id"), eventId, rs.getString("language"),
                rs.getString("body"), attendanceValue, rs.getString("country"), rs.getString("event_type"),
                ReportState.valueOf(rs.getString("state")), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "confirmed_at"), Timestamps.fromDb(rs, "published_at"), List.of(), List.of());
    }

    /** The items whose sender asked for faces to be blurred, among these media items. */
    List<Long> blurRequested(List<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT media_id FROM report_media WHERE blur_requested AND moderation = 'PENDING' AND media_id IN (:ids)")
                .param("ids", mediaIds).query(Long.class).list();
    }

    /** One approved item of a published report, for the gallery and the press download. */
    record GalleryItem(long reportId, @Nullable Long eventId, long itemId, long mediaId, String kind, @Nullable String country,
                       @Nullable String eventType, Instant publishedAt) {
    }

    /** The gallery's filters; null means any. */
    record GalleryFilter(@Nullable String country, @Nullable String eventType, @Nullable String kind) {
    }

    private static final String GALLERY = """
            FROM report_media m JOIN report r ON r.id = m.report_id
            WHERE r.campaign_id = :campaign AND r.state = 'PUBLISHED' AND m.moderation = 'APPROVED'
              AND (CAST(:country AS VARCHAR(2)) IS NULL OR r.country = :country)
              AND (CAST(:type AS VARCHAR(30)) IS NULL OR r.event_type = :type)
              AND (CAST(:kind AS VARCHAR(10)) IS NULL OR m.kind = :kind)""";

    /** A page of a campaign's approved items of published reports, newest first. */
    List<GalleryItem> gallery(long campaignId, GalleryFilter filter, int offset, int limit) {
        return db.sql("SELECT m.id AS item_id, m.media_id, m.kind, r.id AS report_id, r.event_id, r.country, r.event_type, r.published_at "
                        + GALLERY + " ORDER BY r.published_at DESC, r.id DESC, m.position OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("campaign", campaignId).param("country", filter.country()).param("type", filter.eventType())
                .param("kind", filter.kind()).param("offset", offset).param("limit", limit)
                .query(ReportStore::galleryItem).list();
    }

    long galleryCount(long campaignId, GalleryFilter filter) {
        return db.sql("SELECT COUNT(*) " + GALLERY)
                .param("campaign", campaignId).param("country", filter.country()).param("type", filter.eventType())
                .param("kind", filter.kind()).query(Long.class).single();
    }

    /** The countries that have approved items in a campaign (for the gallery's filter). */
    List<String> galleryCountries(long campaignId) {
        return db.sql("""
                        SELECT DISTINCT r.country FROM report_media m JOIN report r ON r.id = m.report_id
                        WHERE r.campaign_id = :campaign AND r.state = 'PUBLISHED' AND m.moderation = 'APPROVED'
                          AND r.country IS NOT NULL ORDER BY r.country""")
                .param("campaign", campaignId).query(String.class).list();
    }

    private static GalleryItem galleryItem(ResultSet rs, int n) throws SQLException {
        long event = rs.getLong("event_id");
        Long eventId = rs.wasNull() ? null : event;
        return new GalleryItem(rs.getLong("report_id"), eventId, rs.getLong("item_id"), rs.getLong("media_id"),
                rs.getString("kind"), rs.getString("country"), rs.getString("event_type"), Timestamps.fromDb(rs, "published_at"));
    }

    /** Approves a demo item once it is processed. */
    void approveDemoItem(long mediaId, Instant now) {
        db.sql("UPDATE report_media SET moderation = 'APPROVED', decided_at = :now WHERE media_id = :media")
                .param("media", mediaId).param("now", Timestamps.toDb(now)).update();
    }
}
