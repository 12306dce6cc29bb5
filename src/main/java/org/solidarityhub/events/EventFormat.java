package org.solidarityhub.events;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** How pages write an event's time: in its own local time, with the zone and its offset. */
final class EventFormat {

    static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final java.util.Map<Locale, DateTimeFormatter> DATES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventFormat() {
    }

    /** "Thursday, 25 February 2027, 13:00–16:00" (dates repeated when the event runs over several days). */
    static String when(ZonedDateTime start, ZonedDateTime end, Locale locale) {
        DateTimeFormatter date = DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(l));
        DateTimeFormatter time = TIME;
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return date.format(start) + ", " + time.format(start) + "–" + time.format(end);
        }
        return date.format(start) + ", " + time.format(start) + " – " + date.format(end) + ", " + time.format(end);
    }

    /** "Europe/Brussels, UTC+01:00" at the start of the event. */
    static String zone(ZonedDateTime start) {
        String offset = start.getOffset().getId().equals("Z") ? "+00:00" : start.getOffset().getId();
        return start.getZone().getId() + ", UTC" + offset;
    }

    /** A short "25 Feb, 13:00" for lists. */
    static String shortWhen(ZonedDateTime start, Locale locale) {
        return start.getDayOfMonth() + " " + start.getMonth().getDisplayName(TextStyle.SHORT, locale) + ", "
                + DateTimeFormatter.ofPattern("HH:mm").format(start);
    }

    static String iso(ZonedDateTime time) {
        return ISO_WITH_OFFSET.format(time);
    }
}
