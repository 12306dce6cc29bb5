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
    /** The radius of a search near a place, in km: its default and bounds. */
    static final int RADIUS_DEFAULT = 50;
    static final int RADIUS_MIN = 1;
    static final int RADIUS_MAX = 500;
    private static final java.util.regex.Pattern COORDINATES =
            java.util.regex.Pattern.compile("\\s*([+-]?\\d{1,3}(?:\\.\\d{1,12})?)\\s*,\\s*([+-]?\\d{1,3}(?:\\.\\d{1,12})?)\\s*");

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

    /** For the API and the map: as {@link #forApi}, with a search near a place ({@link #near}). */
    static EventQueries.Filter forApi(Countries countries, Gazetteer places, String country, String city, String type,
                                      String date, String mode, String q, String from, String to, String near, String radius) {
        Parsed parsed = near(parse(countries, country, city, type, date, mode, q, from, to), places, near, radius);
        if (!parsed.problems().isEmpty()) {
            throw ApiProblem.fields("events.error.parameter", parsed.problems());
        }
        return parsed.filter();
    }

    /**
     * Adds a search near a place to the filter: {@code near} is a place of the gazetteer ("Kraków", "Brussels, BE"), a
     * postcode, or coordinates ("50.06,19.94", as "use my location" sends them); {@code radius} whole km from 1 to 500,
     * 50 when absent. An empty place searches nothing near (the list's form always sends the field); online events are
     * near no place, so a search near a place for online events only is refused.
     */
    static Parsed near(Parsed parsed, Gazetteer places, String near, String radius) {
        Map<String, String> problems = new LinkedHashMap<>(parsed.problems());
        int km = RADIUS_DEFAULT;
        if (present(radius)) {
            String digits = radius.strip();
            km = digits.matches("\\d{1,3}") ? Integer.parseInt(digits) : -1;
            if (km < RADIUS_MIN || km > RADIUS_MAX) {
                problems.put("radius", "events.error.radius");
            }
        }
        EventQueries.Filter filter = parsed.filter();
        if (present(near)) {
            EventQueries.Near around = null;
            java.util.regex.Matcher coordinates = COORDINATES.matcher(near);
            if (near.length() > Q_LIMIT) {
                problems.put("near", "events.error.nearUnknown");
            } else if (coordinates.matches()) {
                double latitude = Double.parseDouble(coordinates.group(1));
                double longitude = Double.parseDouble(coordinates.group(2));
                if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                    problems.put("near", "events.error.nearCoordinates");
                } else {
                    around = new EventQueries.Near(coordinates.group(1) + ", " + coordinates.group(2), latitude, longitude, km);
                }
            } else {
                int kmFinal = km;
                around = places.resolve(near)
                        .map(c -> new EventQueries.Near(c.name() + ", " + c.country(), c.latitude(), c.longitude(), kmFinal))
                        .orElse(null);
                if (around == null) {
                    problems.put("near", "events.error.nearUnknown");
                }
            }
            if (Boolean.TRUE.equals(filter.online())) {
                problems.put("mode", "events.error.nearOnline");
            }
            if (around != null) {
                filter = filter.withNear(around);
            }
        }
        return new Parsed(filter, problems);
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
                default -> problems.put("mode", "events.error.mode");
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
