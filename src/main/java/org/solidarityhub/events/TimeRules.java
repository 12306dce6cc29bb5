package org.solidarityhub.events;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.solidarityhub.platform.DateTimes;

import org.solidarityhub.submissions.Problems;

/**
 * When an event takes place: local start and end in a time zone, given or taken from the place. Times that do
 * not exist in the zone (the clocks change then), too long events and dates far from today are refused, and so
 * is an event that does not start on a day of its campaign: the campaign's dates are calendar days at each
 * place (a week of action follows the local calendar), so the local start date must lie between the campaign's
 * first and last day, both included; the event may end after the last day (an evening that runs past midnight,
 * a camp that spans the last day), but one that starts before the first day is refused even if it ends inside.
 */
final class TimeRules {

    /** How far back an event may start (an event entered on the day after), and how far ahead. */
    static final Duration PAST_LIMIT = Duration.ofDays(30);
    static final Duration FUTURE_LIMIT = Duration.ofDays(3 * 366);
    static final Duration LONGEST = Duration.ofDays(31);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    record Timing(ZoneId zone, LocalDateTime start, LocalDateTime end) {
    }

    private final Gazetteer gazetteer;
    private final Clock clock;

    TimeRules(Gazetteer gazetteer, Clock clock) {
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    Timing check(Problems p, SubmitEvent in, PlaceRules.Place place, boolean nearToday, Campaign campaign, Locale locale) {
        ZoneId zone = zone(p, in.timezone(), place);
        LocalDateTime start = dateTime(p, "start", in.start());
        LocalDateTime end = dateTime(p, "end", in.end());
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                p.add("end", "endBeforeStart");
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                p.add("end", "tooLongEvent", LONGEST.toDays());
            }
        }
        if (zone != null) {
            if (start != null && !exists(start, zone)) {
                p.add("start", "gap", zone.getId());
            }
            if (end != null && !exists(end, zone)) {
                p.add("end", "gap", zone.getId());
            }
            if (start != null && !p.has("start") && nearToday && !nearToday(start, zone)) {
                p.add("start", "dateRange");
            }
        }
        if (start != null && !p.has("start") && !campaign.contains(start.toLocalDate())) {
            p.add("start", "outsideCampaign", campaign.name(locale), DateTimes.of(locale).dateRange(campaign.startsOn(), campaign.endsOn()));
        }
        return new Timing(zone, start, end);
    }

    private ZoneId zone(Problems p, String given, PlaceRules.Place place) {
        ZoneId zone = null;
        BigDecimal latitude = place.latitude();
        if (!EventRules.blank(given)) {
            zone = TimeZones.parse(given).orElse(null);
            if (zone == null) {
                p.add("timezone", "timezone");
            }
        } else if (latitude != null) {
            zone = gazetteer.zoneAt(latitude.doubleValue(), place.longitude().doubleValue(), place.country()).orElse(null);
        } else if (place.country() != null) {
            zone = gazetteer.zoneOf(place.country()).orElse(null);
        }
        if (zone == null && !p.has("timezone") && !p.has("location.country") && !p.has("location.city")) {
            p.add("timezone", "timezoneRequired");
        }
        return zone;
    }

    private boolean nearToday(LocalDateTime start, ZoneId zone) {
        var startsAt = start.atZone(zone).toInstant();
        return !startsAt.isBefore(clock.instant().minus(PAST_LIMIT)) && !startsAt.isAfter(clock.instant().plus(FUTURE_LIMIT));
    }

    private static boolean exists(LocalDateTime local, ZoneId zone) {
        return !zone.getRules().getValidOffsets(local).isEmpty();
    }

    private static LocalDateTime dateTime(Problems p, String field, String value) {
        if (EventRules.blank(value)) {
            p.add(field, "required");
            return null;
        }
        try {
            String text = value.strip();
            if (text.length() > 25) {
                throw new DateTimeParseException("too long", text, 0);
            }
            LocalDateTime parsed = LocalDateTime.parse(text, LOCAL).withSecond(0).withNano(0);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2200) {
                p.add(field, "dateRange");
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            p.add(field, "dateTime");
            return null;
        }
    }
}
