package org.solidarityhub.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.EmailAddresses;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks a submission field by field and turns it into a {@link Draft}: every problem becomes a
 * localized message under the field's name (API names: {@code title}, {@code location.city},
 * {@code organizations[0].name}). Missing coordinates come from the gazetteer; a missing time zone from
 * the coordinates or the country.
 */
@Component
class EventRules {

    static final int TITLE_LIMIT = 200;
    static final int DESCRIPTION_LIMIT = 10_000;
    static final int VENUE_LIMIT = 200;
    static final int ADDRESS_LIMIT = 300;
    static final int CITY_LIMIT = 200;
    static final int URL_LIMIT = 500;
    static final int ORGANIZERS_LIMIT = 500;
    static final int ACCESSIBILITY_LIMIT = 2000;
    static final int MAX_LANGUAGES = 10;
    static final int MAX_ORGANIZATIONS = 20;
    /** How far back an event may start (an event entered on the day after), and how far ahead. */
    static final Duration PAST_LIMIT = Duration.ofDays(30);
    static final Duration FUTURE_LIMIT = Duration.ofDays(3 * 366);
    static final Duration LONGEST = Duration.ofDays(31);

    /** Text that a browser would take for markup: a tag, a closing tag, a comment or a declaration. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[/!?]?\\s*[A-Za-z]|&#|&[A-Za-z]+;|javascript:",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /** A checked submission: the draft, or the problems. */
    record Outcome(Draft draft, Map<String, String> errors, String contactEmail, Locale language) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Gazetteer gazetteer;
    private final Countries countries;
    private final MessageSource messages;
    private final Clock clock;

    EventRules(Gazetteer gazetteer, Countries countries, MessageSource messages, Clock clock) {
        this.gazetteer = gazetteer;
        this.countries = countries;
        this.messages = messages;
        this.clock = clock;
    }

    Outcome check(SubmitEvent in, Locale locale, boolean contactRequired) {
        return check(in, locale, contactRequired, true);
    }

    /** As {@link #check(SubmitEvent, Locale, boolean)}; demo content skips the range around today. */
    Outcome check(SubmitEvent in, Locale locale, boolean contactRequired, boolean nearToday) {
        Problems p = new Problems(locale);

        String title = text(p, "title", in.title(), TITLE_LIMIT, true);
        EventType type = null;
        if (blank(in.type())) {
            p.add("type", "events.error.required");
        } else {
            type = EventType.parse(in.type()).orElse(null);
            if (type == null) {
                p.add("type", "events.error.type");
            }
        }
        String description = text(p, "description", in.description(), DESCRIPTION_LIMIT, false);
        List<String> languages = languages(p, in.languages());

        // where
        boolean online = in.location() == null;
        String onlineUrl = null;
        if (!blank(in.onlineUrl())) {
            onlineUrl = in.onlineUrl().strip();
            if (onlineUrl.length() > URL_LIMIT) {
                p.add("onlineUrl", "events.error.tooLong", URL_LIMIT);
                onlineUrl = null;
            } else if (!isWebAddress(onlineUrl)) {
                p.add("onlineUrl", "events.error.url");
                onlineUrl = null;
            }
        } else if (online) {
            p.add("onlineUrl", "events.error.placeOrOnline");
        }
        String venue = null;
        String address = null;
        String city = null;
        String country = null;
        BigDecimal latitude = null;
        BigDecimal longitude = null;
        BigDecimal publicLatitude = null;
        BigDecimal publicLongitude = null;
        Visibility visibility = type != null && type.defaultsToCityOnly() ? Visibility.CITY : Visibility.PUBLIC;
        Optional<Gazetteer.City> gazetteerCity = Optional.empty();
        if (!online) {
            SubmitEvent.Location l = in.location();
            venue = text(p, "location.venue", l.venue(), VENUE_LIMIT, false);
            address = text(p, "location.address", l.address(), ADDRESS_LIMIT, false);
            city = text(p, "location.city", l.city(), CITY_LIMIT, true);
            country = country(p, "location.country", l.country(), true);
            if (!blank(l.visibility())) {
                visibility = Visibility.parse(l.visibility()).orElse(null);
                if (visibility == null) {
                    p.add("location.visibility", "events.error.visibility");
                }
            }
            BigDecimal[] coordinates = coordinates(p, l.latitude(), l.longitude());
            if (city != null && country != null) {
                gazetteerCity = gazetteer.find(city, country);
                if (gazetteerCity.isPresent()) {
                    city = gazetteerCity.get().name();
                }
            }
            if (coordinates != null) {
                latitude = coordinates[0];
                longitude = coordinates[1];
                if (gazetteerCity.isEmpty() && country != null) {
                    gazetteerCity = gazetteer.nearest(latitude.doubleValue(), longitude.doubleValue(), country);
                }
            } else if (!p.has("location.latitude") && !p.has("location.longitude") && city != null && country != null) {
                if (gazetteerCity.isPresent()) {
                    latitude = scale(gazetteerCity.get().latitude());
                    longitude = scale(gazetteerCity.get().longitude());
                } else {
                    p.add("location.city", "events.error.cityUnknown");
                }
            }
            if (latitude != null && visibility != null) {
                if (visibility == Visibility.PUBLIC) {
                    publicLatitude = latitude;
                    publicLongitude = longitude;
                } else if (gazetteerCity.isPresent()) {
                    publicLatitude = scale(gazetteerCity.get().latitude());
                    publicLongitude = scale(gazetteerCity.get().longitude());
                } else {
                    publicLatitude = latitude.setScale(1, RoundingMode.HALF_UP).setScale(5, RoundingMode.UNNECESSARY);
                    publicLongitude = longitude.setScale(1, RoundingMode.HALF_UP).setScale(5, RoundingMode.UNNECESSARY);
                }
            }
        } else if (in.location() == null) {
            visibility = Visibility.PUBLIC;
        }

        // when
        ZoneId zone = null;
        if (!blank(in.timezone())) {
            zone = TimeZones.parse(in.timezone()).orElse(null);
            if (zone == null) {
                p.add("timezone", "events.error.timezone");
            }
        } else if (latitude != null) {
            zone = gazetteer.zoneAt(latitude.doubleValue(), longitude.doubleValue(), country).orElse(null);
        } else if (country != null) {
            zone = gazetteer.zoneOf(country).orElse(null);
        }
        if (zone == null && !p.has("timezone") && !p.has("location.country") && !p.has("location.city")) {
            p.add("timezone", "events.error.timezoneRequired");
        }
        LocalDateTime start = dateTime(p, "start", in.start());
        LocalDateTime end = dateTime(p, "end", in.end());
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                p.add("end", "events.error.endBeforeStart");
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                p.add("end", "events.error.tooLongEvent", LONGEST.toDays());
            }
        }
        if (zone != null) {
            if (start != null && !exists(start, zone)) {
                p.add("start", "events.error.gap", zone.getId());
            }
            if (end != null && !exists(end, zone)) {
                p.add("end", "events.error.gap", zone.getId());
            }
            if (start != null && !p.has("start") && nearToday) {
                var startsAt = start.atZone(zone).toInstant();
                if (startsAt.isBefore(clock.instant().minus(PAST_LIMIT)) || startsAt.isAfter(clock.instant().plus(FUTURE_LIMIT))) {
                    p.add("start", "events.error.dateRange");
                }
            }
        }

        // who
        String organizers = text(p, "organizers", in.organizers(), ORGANIZERS_LIMIT, true);
        List<SubmitEvent.OrganizationRef> organizations = organizations(p, in.organizations(), country);
        String email = null;
        if (blank(in.contactEmail())) {
            if (contactRequired) {
                p.add("contactEmail", "events.error.required");
            }
        } else if (!EmailAddresses.isValid(in.contactEmail())) {
            p.add("contactEmail", "events.error.email");
        } else {
            email = in.contactEmail().strip();
        }
        String accessibility = text(p, "accessibility", in.accessibility(), ACCESSIBILITY_LIMIT, false);
        Locale language = locale;
        if (!blank(in.language())) {
            if (in.language().strip().equals("en") || in.language().strip().equals("uk")) {
                language = Locale.forLanguageTag(in.language().strip());
            } else {
                p.add("language", "events.error.language");
            }
        }

        if (!p.errors.isEmpty()) {
            return new Outcome(null, p.errors, email, language);
        }
        Draft draft = new Draft(title, type, description == null ? "" : description, languages, start, end, zone,
                online, onlineUrl, online ? null : venue, online ? null : address, city, country, latitude, longitude,
                visibility, publicLatitude, publicLongitude, organizers, organizations,
                accessibility == null ? "" : accessibility, Boolean.TRUE.equals(in.speakerRequested()));
        return new Outcome(draft, Map.of(), email, language);
    }

    private static boolean exists(LocalDateTime local, ZoneId zone) {
        return !zone.getRules().getValidOffsets(local).isEmpty();
    }

    private String text(Problems p, String field, String value, int limit, boolean required) {
        if (blank(value)) {
            if (required) {
                p.add(field, "events.error.required");
            }
            return null;
        }
        String text = value.strip();
        if (text.length() > limit) {
            p.add(field, "events.error.tooLong", limit);
            return null;
        }
        if (MARKUP.matcher(text).find()) {
            p.add(field, "events.error.markup");
            return null;
        }
        if (hasControl(text)) {
            p.add(field, "events.error.control");
            return null;
        }
        return text;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(++i))))) {
                return true;
            }
        }
        return false;
    }

    private List<String> languages(Problems p, List<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String part : value.split("[,\\s]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String code = part.strip().toLowerCase(Locale.ROOT);
                    if (!LANGUAGES.contains(code)) {
                        p.add("languages", "events.error.languages");
                        return List.of();
                    }
                    codes.add(code);
                }
            }
        }
        if (codes.isEmpty()) {
            p.add("languages", "events.error.required");
        } else if (codes.size() > MAX_LANGUAGES) {
            p.add("languages", "events.error.tooMany", MAX_LANGUAGES);
        }
        return List.copyOf(codes);
    }

    private String country(Problems p, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                p.add(field, "events.error.required");
            }
            return null;
        }
        Optional<String> code = value.strip().length() == 2 ? countries.normalize(value) : Optional.empty();
        if (code.isEmpty()) {
            p.add(field, "events.error.country");
            return null;
        }
        return code.get();
    }

    private BigDecimal[] coordinates(Problems p, String latitudeText, String longitudeText) {
        if (blank(latitudeText) && blank(longitudeText)) {
            return null;
        }
        BigDecimal latitude = coordinate(p, "location.latitude", latitudeText, 90);
        BigDecimal longitude = coordinate(p, "location.longitude", longitudeText, 180);
        return latitude == null || longitude == null ? null : new BigDecimal[]{latitude, longitude};
    }

    private BigDecimal coordinate(Problems p, String field, String text, int limit) {
        if (blank(text)) {
            p.add(field, "events.error.coordinatesBoth");
            return null;
        }
        String value = text.strip();
        if (value.length() > 20 || !value.matches("[-+]?\\d{1,3}(\\.\\d+)?")) {
            p.add(field, "events.error.coordinate", limit);
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            p.add(field, "events.error.coordinate", limit);
            return null;
        }
        return number.setScale(5, RoundingMode.HALF_UP);
    }

    private LocalDateTime dateTime(Problems p, String field, String value) {
        if (blank(value)) {
            p.add(field, "events.error.required");
            return null;
        }
        try {
            String text = value.strip();
            if (text.length() > 25) {
                throw new DateTimeParseException("too long", text, 0);
            }
            LocalDateTime parsed = LocalDateTime.parse(text, LOCAL).withSecond(0).withNano(0);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2200) {
                p.add(field, "events.error.dateRange");
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            p.add(field, "events.error.dateTime");
            return null;
        }
    }

    private List<SubmitEvent.OrganizationRef> organizations(Problems p, List<SubmitEvent.OrganizationRef> refs, String eventCountry) {
        List<SubmitEvent.OrganizationRef> result = new ArrayList<>();
        if (refs == null) {
            return result;
        }
        Set<String> seen = new LinkedHashSet<>();
        int index = 0;
        for (SubmitEvent.OrganizationRef ref : refs) {
            String prefix = "organizations[" + index++ + "]";
            if (ref == null || blank(ref.name())) {
                continue;
            }
            String name = text(p, prefix + ".name", ref.name().replaceAll("\\s+", " "), Organizations.NAME_LIMIT, true);
            String country = blank(ref.country()) ? eventCountry : country(p, prefix + ".country", ref.country(), true);
            if (name != null && country == null && !p.has(prefix + ".country")) {
                p.add(prefix + ".country", "events.error.organizationCountry");
            }
            if (name != null && country != null && seen.add(Gazetteer.fold(name) + "|" + country)) {
                result.add(new SubmitEvent.OrganizationRef(name, country));
            }
        }
        if (result.size() > MAX_ORGANIZATIONS) {
            p.add("organizations", "events.error.tooMany", MAX_ORGANIZATIONS);
        }
        return result;
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getHost().contains(".") && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Problems in the order found; the first per field wins. */
    private final class Problems {
        final Map<String, String> errors = new LinkedHashMap<>();
        final Locale locale;

        Problems(Locale locale) {
            this.locale = locale;
        }

        void add(String field, String key, Object... args) {
            errors.putIfAbsent(field, messages.getMessage(key, args, locale));
        }

        boolean has(String field) {
            return errors.containsKey(field);
        }
    }
}
