package org.solidarityhub.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the whole site writes dates and times: one formatter per language, with java.time's localized (CLDR) styles and
 * nothing hand-made, so a page never shows "24 February" beside "February 25" or "4:30 PM" beside "17:30".
 * <ul>
 *   <li>a date: the {@link FormatStyle#LONG LONG} style ("25 February 2027", "25 лютого 2027 р.");</li>
 *   <li>a day heading (the calendar): the {@link FormatStyle#FULL FULL} style, the same date with its weekday;</li>
 *   <li>a time: the {@link FormatStyle#SHORT SHORT} style, 24-hour where the language's region uses it ("17:30",
 *       "5:30 PM" in en-US);</li>
 *   <li>a date and time: the two joined as the language joins them ("25 February 2027, 17:30");</li>
 *   <li>ranges: a day's times once ("25 February 2027, 13:00–16:00"), a span of days with the year once
 *       ("24 February – 3 March 2027");</li>
 *   <li>a time zone: its localized generic name and the offset then ("Central European Time (GMT+1)").</li>
 * </ul>
 * A page language without a region takes the region of {@link #REGIONS} (English pages are written the British way:
 * day before month and 24-hour, as most of the campaign's readers write them). Templates call it as
 * {@code #datetimes} in the page's language ({@code ${#datetimes.date(d)}}); Java code as
 * {@code DateTimes.of(locale).date(d)}. A script that writes a time in the reader's own zone uses {@link #tag()} with
 * {@code Intl.DateTimeFormat} and the same styles ({@code dateStyle: 'long'}, {@code timeStyle: 'short'}).
 */
public final class DateTimes {

    /** The region whose conventions a page language without a region follows. */
    static final Map<String, String> REGIONS = Map.of("en", "GB", "uk", "UA");

    private static final Map<Locale, DateTimes> BY_LOCALE = new ConcurrentHashMap<>();
    private static final int MOST_KEPT = 64;

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayOfMonth;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter zoneName;
    private final DateTimeFormatter offset;

    private DateTimes(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        this.dayOfMonth = DateTimeFormatter.ofLocalizedPattern("MMMMd").withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
        this.zoneName = DateTimeFormatter.ofPattern("vvvv", locale);
        this.offset = DateTimeFormatter.ofPattern("O", locale);
    }

    /** The formats of a page language ("en", "uk") or of a language with its region ("en-US"). */
    public static DateTimes of(Locale language) {
        Locale locale = formatting(language == null ? SupportedLanguages.BASE : language);
        DateTimes kept = BY_LOCALE.get(locale);
        if (kept != null) {
            return kept;
        }
        DateTimes made = new DateTimes(locale);
        if (BY_LOCALE.size() < MOST_KEPT) {
            BY_LOCALE.putIfAbsent(locale, made);
        }
        return made;
    }

    private static Locale formatting(Locale language) {
        if (!language.getCountry().isEmpty() || !REGIONS.containsKey(language.getLanguage())) {
            return language;
        }
        return new Locale.Builder().setLocale(language).setRegion(REGIONS.get(language.getLanguage())).build();
    }

    /** The language and region the formats follow, as a BCP 47 tag ("en-GB"), for {@code Intl.DateTimeFormat}. */
    public String tag() {
        return locale.toLanguageTag();
    }

    /** "25 February 2027" (a LocalDate, LocalDateTime or ZonedDateTime, in its own zone). */
    public String date(TemporalAccessor value) {
        return value == null ? "" : date.format(value);
    }

    /** "Thursday, 25 February 2027": a day heading. */
    public String day(TemporalAccessor value) {
        return value == null ? "" : day.format(value);
    }

    /** "17:30" (en-GB, uk) or "5:30 PM" (en-US). */
    public String time(TemporalAccessor value) {
        return value == null ? "" : time.format(value);
    }

    /** "25 February 2027, 17:30". */
    public String dateTime(TemporalAccessor value) {
        return value == null ? "" : dateTime.format(value);
    }

    /** "25 February 2027, 17:30 UTC": an instant on staff pages, whose readers sit in many zones. */
    public String utc(Instant value) {
        return value == null ? "" : dateTime(value, java.time.ZoneOffset.UTC) + " UTC";
    }

    /** An instant as the date and time in a zone. */
    public String dateTime(Instant value, ZoneId zone) {
        return value == null ? "" : dateTime(value.atZone(zone));
    }

    /** "24 February – 3 March 2027", "25 February 2027" (one day), "30 December 2026 – 2 January 2027". */
    public String dateRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return from == null ? date(to) : date(from);
        }
        if (from.equals(to)) {
            return date(from);
        }
        String first = from.getYear() == to.getYear() ? dayOfMonth.format(from) : date(from);
        return first + " – " + date(to);
    }

    /** "25 February 2027, 13:00–16:00"; over several days "25 February 2027, 22:00 – 26 February 2027, 02:00". */
    public String range(ZonedDateTime start, ZonedDateTime end) {
        return start == null || end == null ? "" : range(start.toLocalDateTime(), end.toLocalDateTime());
    }

    /** The same for wall-clock times without a zone. */
    public String range(LocalDateTime start, LocalDateTime end) {
        if (start == null || end == null) {
            return "";
        }
        if (start.toLocalDate().equals(end.toLocalDate())) {
            String from = time(start);
            String to = time(end);
            // "13:00–16:00", but "1:00 PM – 4:00 PM": a dash between words needs space around it
            String dash = from.chars().anyMatch(Character::isLetter) ? " – " : "–";
            return date(start) + ", " + from + dash + to;
        }
        return dateTime(start) + " – " + dateTime(end);
    }

    /** "Central European Time (GMT+1)": the zone's name in this language and its offset at that moment. */
    public String zone(ZonedDateTime at) {
        return at == null ? "" : zoneName.format(at) + " (" + offset.format(at) + ")";
    }

    /**
     * The zone of a span; when the clocks change during it, both offsets:
     * "Central European Time (GMT+1 → GMT+2)".
     */
    public String zone(ZonedDateTime start, ZonedDateTime end) {
        if (start == null || end == null || start.getOffset().equals(end.getOffset())) {
            return zone(start);
        }
        return zoneName.format(start) + " (" + offset.format(start) + " → " + offset.format(end) + ")";
    }

    /**
     * The span as a reader in {@code reader} sees it, with that zone ("25 February 2027, 07:00–10:00 Eastern Time
     * (GMT-5)"), or null when the reader's clocks show the same times as the event's (the reader's zone unknown,
     * the same zone, or another zone with the same offsets then).
     */
    public String inZone(ZonedDateTime start, ZonedDateTime end, ZoneId reader) {
        if (start == null || end == null || reader == null) {
            return null;
        }
        ZonedDateTime from = start.withZoneSameInstant(reader);
        ZonedDateTime to = end.withZoneSameInstant(reader);
        if (from.getOffset().equals(start.getOffset()) && to.getOffset().equals(end.getOffset())) {
            return null;
        }
        return range(from, to) + " " + zone(from, to);
    }
}
