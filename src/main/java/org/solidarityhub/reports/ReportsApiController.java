package org.solidarityhub.reports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.AtomWriter;
import org.solidarityhub.platform.PageNumbers;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published reports of a campaign as paged JSON ({@code /api/v1/campaigns/{slug}/reports}, in the OpenAPI
 * file) and as an Atom feed; only approved, published media appear. Errors are problem details.
 */
@RestController
class ReportsApiController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    record ApiLink(String url, String host) {
    }

    record ApiMedia(String kind, String url, @Nullable String thumbnailUrl, @Nullable String posterUrl, int width, int height) {
    }

    record ApiReport(long id, @Nullable Long eventId, @Nullable String eventUrl, String language, String text,
                     @Nullable Integer attendance, @Nullable String country, @Nullable String eventType, Instant publishedAt,
                     List<ApiLink> links, List<ApiMedia> media) {
    }

    record ApiPage(int page, int pageSize, long total, List<ApiReport> reports) {
    }

    private final EventDirectory events;
    private final ReportStore store;
    private final ReportViews views;
    private final ReportsProperties properties;
    private final PlatformProperties platform;
    private final MessageSource messages;

    ReportsApiController(EventDirectory events, ReportStore store, ReportViews views, ReportsProperties properties,
                         PlatformProperties platform, MessageSource messages) {
        this.events = events;
        this.store = store;
        this.views = views;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    @GetMapping("/api/v1/campaigns/{slug}/reports")
    ApiPage reports(@PathVariable String slug, @RequestParam(required = false) String page, Locale locale) {
        EventDirectory.CampaignRef c = events.campaignForApi(slug, locale);
        Integer number = PageNumbers.parse(page);
        if (number == null) {
            throw ApiProblem.fields("reports.error.page", Map.of("page", "reports.error.page"));
        }
        int size = properties.apiPageSize();
        List<StoredReport> reports = store.published(c.id(), (number - 1) * size, size);
        return new ApiPage(number, size, store.publishedCount(c.id()), api(reports, locale));
    }

    @GetMapping("/api/v1/campaigns/{slug}/reports.atom")
    ResponseEntity<String> atom(@PathVariable String slug, Locale locale) {
        EventDirectory.CampaignRef c = events.campaignForApi(slug, locale);
        List<ApiReport> reports = api(store.published(c.id(), 0, properties.apiPageSize()), locale);
        String title = messages.getMessage("reports.feed.title", new Object[]{c.name()}, locale);
        AtomWriter.Feed feed = new AtomWriter.Feed("tag:solidarityhub,2026:reports:" + c.slug(), title,
                platform.apiLink(locale, "/api/v1/campaigns/" + c.slug() + "/reports.atom"), platform.link(locale, "/reports?campaign=" + c.slug()),
                locale.getLanguage(), reports.stream().map(ApiReport::publishedAt).max(Instant::compareTo).orElse(Instant.EPOCH));
        List<AtomWriter.Entry> entries = reports.stream().map(r -> {
            String url = r.eventUrl() != null ? r.eventUrl() : platform.link(locale, "/reports?campaign=" + c.slug());
            String summary = r.text().length() > 300 ? r.text().substring(0, 300) + "…" : r.text();
            return new AtomWriter.Entry("tag:solidarityhub,2026:report:" + r.id(),
                    messages.getMessage("reports.feed.entry", new Object[]{r.id()}, locale), url, r.publishedAt(),
                    r.publishedAt(), summary, contentHtml(r), "report", title);
        }).toList();
        return ResponseEntity.ok().contentType(ATOM).body(AtomWriter.write(feed, entries));
    }

    /** The entry's content: the text, the links as plain links and the photos' web sizes, all escaped. */
    private static String contentHtml(ApiReport r) {
        StringBuilder html = new StringBuilder("<p>").append(escape(r.text()).replace("\n", "<br>")).append("</p>");
        for (ApiLink link : r.links()) {
            html.append("<p><a rel=\"nofollow ugc noopener\" href=\"").append(escape(link.url())).append("\">")
                    .append(escape(link.url())).append("</a> (").append(escape(link.host())).append(")</p>");
        }
        for (ApiMedia m : r.media()) {
            html.append("<p><a href=\"").append(escape(m.url())).append("\">").append(m.kind().equals("VIDEO") ? "video" : "photo")
                    .append("</a></p>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private List<ApiReport> api(List<StoredReport> reports, Locale locale) {
        Map<Long, MediaItem> found = views.media(reports.stream().flatMap(r -> r.approvedItems().stream())
                .map(StoredReport.Item::mediaId).toList());
        return reports.stream().map(r -> new ApiReport(r.id(), r.eventId(),
                r.eventId() == null ? null : platform.link(locale, "/events/" + r.eventId()), r.language(), r.body(), r.attendance(),
                r.country(), r.eventType(), r.publishedAt(),
                r.links().stream().map(l -> new ApiLink(l.url(), l.host())).toList(),
                r.approvedItems().stream().map(i -> found.get(i.mediaId())).filter(m -> m != null && m.published())
                        .map(m -> new ApiMedia(m.kind().name(), platform.link(m.url(Variant.WEB).orElseThrow()),
                                m.url(Variant.THUMBNAIL).map(platform::link).orElse(null),
                                m.url(Variant.POSTER).map(platform::link).orElse(null), m.width(), m.height()))
                        .toList())).toList();
    }
}
