package org.solidarityhub.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Countries;

/**
 * Reads the filters of the list, the map, the feeds and the API from request parameters. Each bad value
 * is a problem under the parameter's name (a message key); the caller answers 400.
 */
final class FilterParams {

    static final int Q_LIMIT = 100;

    /** The filter, or the problems (parameter → message key). */
    record Parsed(EventQueries.Filter filter, Map<String, String> problems) {
    }

    private FilterParams() {
    }

    /** For the API and the feeds: the filter, or a 400 problem detail with a message for each bad parameter. */
    static EventQueries.Filter forApi(Countries countries, String country, String city, String type, String date, String mode,
                                      String q, String from, String to) {
        Parsed parsed = parse(countries, country, city, type, date, mode, q, from, to);
        if (!parsed.problems().isEmpty()) {
            throw ApiProblem.fields("events.error.parameter", parsed.problems());
        }
        return parsed.filter();
    }

    static Parsed parse(Countries countries, String country, String city, String type, String date, String mode,
                        String q, String from, String to) {
        Map<String, String> problems = new LinkedHashMap<>();
        String countryCode = null;
        if (present(country)) {
            countryCode = countries.normalize(country).orElse(null);
            if (countryCode == null || country.strip().length() != 2) {
                problems.put("country", "events.error.country");
                countryCode = null;
            }
        }
        String cityName = null;
        if (present(city)) {
            if (city.length() > EventRules.CITY_LIMIT) {
                problems.put("city", "events.error.parameter");
            } else {
                cityName = city.strip();
            }
        }
        EventType eventType = null;
        if (present(type)) {
            eventType = EventType.parse(type).orElse(null);
            if (eventType == null) {
                problems.put("type", "events.error.type");
            }
        }
        LocalDate day = null;
        if (present(date)) {
            day = date(date);
            if (day == null) {
                problems.put("date", "events.error.parameter");
            }
        }
        Boolean online = null;
        if (present(mode)) {
            switch (mode.strip()) {
                case "online" -> online = true;
                case "in-person" -> online = false;
                case "any" -> online = null;
                default -> problems.put("mode", "events.error.parameter");
            }
        }
        String text = null;
        if (present(q)) {
            if (q.length() > Q_LIMIT) {
                problems.put("q", "events.error.parameter");
            } else {
                text = q.strip();
            }
        }
        LocalDate fromDate = null;
        LocalDate toDate = null;
        Instant fromInstant = null;
        Instant toInstant = null;
        if (present(from)) {
            fromDate = date(from);
            if (fromDate == null) {
                fromInstant = instant(from);
                if (fromInstant == null) {
                    problems.put("from", "events.error.parameter");
                }
            }
        }
        if (present(to)) {
            toDate = date(to);
            if (toDate == null) {
                toInstant = instant(to);
                if (toInstant == null) {
                    problems.put("to", "events.error.parameter");
                }
            }
        }
        return new Parsed(new EventQueries.Filter(countryCode, cityName, eventType, day, online, text, fromDate, toDate,
                fromInstant, toInstant), problems);
    }

    private static LocalDate date(String text) {
        try {
            LocalDate d = text.strip().length() == 10 ? LocalDate.parse(text.strip()) : null;
            return d != null && d.getYear() >= 2000 && d.getYear() <= 2200 ? d : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text.length() > 40 ? null : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
