package org.solidarityhub.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes events as an iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
 * character, TEXT values escaped, control characters dropped, and a VTIMEZONE for every zone used. The
 * VTIMEZONE is derived from the same java.time rules that place the events (each offset change in the
 * span of the events as an observance of its own), so a calendar reads exactly the times the site shows.
 * Features map what they publish to {@link Entry} and serve the text as {@code text/calendar}.
 */
public final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** An event as a calendar entry: times are local to {@code zone}; null fields are left out. */
    public record Entry(String uid, String summary, String description, String location, ZoneId zone, LocalDateTime start,
                 LocalDateTime end, Double latitude, Double longitude, String url, String category, boolean cancelled,
                 Instant lastModified) {
    }

    private final StringBuilder out = new StringBuilder();

    private ICalendarWriter() {
    }

    /**
     * The calendar of these entries; {@code product} names the feature in PRODID ("Events"), {@code name} is
     * the calendar's display name (none when null), {@code now} the DTSTAMP of every entry.
     */
    public static String write(String product, String name, Collection<Entry> entries, Instant now) {
        ICalendarWriter w = new ICalendarWriter();
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:-//Solidarity Hub//" + product + "//EN");
        w.line("CALSCALE:GREGORIAN");
        if (name != null) {
            w.line("X-WR-CALNAME:" + text(name));
        }
        Map<ZoneId, Instant[]> spans = new LinkedHashMap<>();
        for (Entry e : entries) {
            Instant start = e.start().atZone(e.zone()).toInstant();
            Instant end = e.end().atZone(e.zone()).toInstant();
            spans.merge(e.zone(), new Instant[]{start, end}, (a, b) -> new Instant[]{
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        spans.entrySet().stream().sorted(Comparator.comparing(z -> z.getKey().getId()))
                .forEach(z -> w.timezone(z.getKey(), z.getValue()[0], z.getValue()[1]));
        for (Entry e : entries) {
            w.event(e, now);
        }
        w.line("END:VCALENDAR");
        return w.out.toString();
    }

    private void timezone(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        // start a day before the first event so that an event right after a change is covered
        Instant start = from.minusSeconds(86_400);
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        ZoneOffset initial = rules.getOffset(start);
        observance(rules.isDaylightSavings(start), LocalDateTime.of(1970, 1, 1, 0, 0), initial, initial);
        ZoneOffsetTransition t = rules.nextTransition(start);
        int guard = 0;
        while (t != null && !t.getInstant().isAfter(to) && guard++ < 1000) {
            observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter());
            t = rules.nextTransition(t.getInstant());
        }
        line("END:VTIMEZONE");
    }

    private void observance(boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        line("BEGIN:" + kind);
        line("DTSTART:" + LOCAL.format(start));
        line("TZOFFSETFROM:" + offset(from));
        line("TZOFFSETTO:" + offset(to));
        line("END:" + kind);
    }

    private void event(Entry e, Instant now) {
        line("BEGIN:VEVENT");
        line("UID:" + text(e.uid()));
        line("DTSTAMP:" + UTC.format(now));
        line("DTSTART;TZID=" + e.zone().getId() + ":" + LOCAL.format(e.start()));
        line("DTEND;TZID=" + e.zone().getId() + ":" + LOCAL.format(e.end()));
        line("SUMMARY:" + text(e.summary()));
        if (e.description() != null && !e.description().isBlank()) {
            line("DESCRIPTION:" + text(e.description()));
        }
        if (e.location() != null && !e.location().isBlank()) {
            line("LOCATION:" + text(e.location()));
        }
        if (e.latitude() != null && e.longitude() != null) {
            line("GEO:" + e.latitude() + ";" + e.longitude());
        }
        if (e.url() != null) {
            line("URL:" + e.url());
        }
        if (e.category() != null) {
            line("CATEGORIES:" + text(e.category()));
        }
        line("STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        if (e.lastModified() != null) {
            line("LAST-MODIFIED:" + UTC.format(e.lastModified()));
            // a later change must supersede an earlier one in subscribed calendars
            line("SEQUENCE:" + e.lastModified().getEpochSecond() / 60);
        }
        line("END:VEVENT");
    }

    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String value = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
        return abs % 60 == 0 ? value : value + String.format("%02d", abs % 60);
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
    static String text(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        s.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)
                            && !(Character.isSurrogate(c) && !validSurrogate(value, i))) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    private static boolean validSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** Writes a content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
    private void line(String content) {
        if (content.length() <= 75 && fitsInOneLine(content)) {
            out.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static boolean fitsInOneLine(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            octets += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return octets <= 75;
    }
}
