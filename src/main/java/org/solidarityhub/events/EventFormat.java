package org.solidarityhub.events;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.solidarityhub.platform.DateTimes;

/** How pages and feeds write an event's time: in its own local time, with its zone ({@link DateTimes}). */
final class EventFormat {

    static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private EventFormat() {
    }

    /** "25 February 2027, 13:00–16:00" in the event's own local time, written as the whole site writes times. */
    static String when(ZonedDateTime start, ZonedDateTime end, Locale locale) {
        return DateTimes.of(locale).range(start, end);
    }

    /** "Central European Time (GMT+1)": the event's zone and its offset (both offsets when the clocks change during it). */
    static String zone(ZonedDateTime start, ZonedDateTime end, Locale locale) {
        return DateTimes.of(locale).zone(start, end);
    }

    static String iso(ZonedDateTime time) {
        return ISO_WITH_OFFSET.format(time);
    }
}
