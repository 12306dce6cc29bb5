package org.solidarityhub.reports;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PageNumbers;

/**
 * The gallery's query parameters, read once for the page and the API: country (ISO code), event type, media type
 * (image or video) and page (from 1). A value that is not one of the choices is a mistake, named by its message key.
 */
record GalleryParams(ReportStore.GalleryFilter filter, int page, @Nullable String problemKey) {

    static GalleryParams parse(Countries countries, EventDirectory events, @Nullable String country, @Nullable String type,
                               @Nullable String media, @Nullable String page) {
        String c = blank(country) ? null : countries.normalize(country).orElse(null);
        if (!blank(country) && c == null) {
            return failed("reports.error.filter");
        }
        String t = blank(type) ? null : type.strip().toUpperCase(Locale.ROOT);
        if (t != null && events.types().stream().noneMatch(r -> r.name().equals(t))) {
            return failed("reports.error.filter");
        }
        String m = blank(media) ? null : media.strip().toUpperCase(Locale.ROOT);
        if (m != null && !m.equals("IMAGE") && !m.equals("VIDEO")) {
            return failed("reports.error.filter");
        }
        Integer number = PageNumbers.parse(page);
        if (number == null) {
            return failed("reports.error.page");
        }
        return new GalleryParams(new ReportStore.GalleryFilter(c, t, m), number, null);
    }

    private static GalleryParams failed(String key) {
        return new GalleryParams(new ReportStore.GalleryFilter(null, null, null), 1, key);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
