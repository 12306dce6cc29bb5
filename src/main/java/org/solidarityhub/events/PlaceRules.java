package org.solidarityhub.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.solidarityhub.platform.Countries;
import org.solidarityhub.submissions.FieldCheck;
import org.solidarityhub.submissions.Problems;

/**
 * Where an event takes place: a place (venue, address, city, country, coordinates, who may see them) or a link
 * to an online event. Missing coordinates come from the gazetteer, and the public pin is placed at the chosen
 * precision.
 */
final class PlaceRules {

    static final int VENUE_LIMIT = 200;
    static final int ADDRESS_LIMIT = 300;
    static final int CITY_LIMIT = 200;
    static final int URL_LIMIT = 500;
    static final int COORDINATE_LIMIT = 20;

    /** The checked place; every value may be null (online, or with problems). */
    record Place(boolean online, String onlineUrl, String venue, String address, String city, String country,
                 BigDecimal latitude, BigDecimal longitude, Visibility visibility,
                 BigDecimal publicLatitude, BigDecimal publicLongitude) {
    }

    private final Gazetteer gazetteer;
    private final Countries countries;

    PlaceRules(Gazetteer gazetteer, Countries countries) {
        this.gazetteer = gazetteer;
        this.countries = countries;
    }

    Place check(Problems p, SubmitEvent in, EventType type) {
        boolean online = in.location() == null;
        String onlineUrl = onlineUrl(p, in.onlineUrl(), online);
        if (online) {
            return new Place(true, onlineUrl, null, null, null, null, null, null, Visibility.PUBLIC, null, null);
        }
        SubmitEvent.Location l = in.location();
        String venue = EventRules.line(p, "location.venue", l.venue(), VENUE_LIMIT, false);
        String address = EventRules.line(p, "location.address", l.address(), ADDRESS_LIMIT, false);
        String city = EventRules.line(p, "location.city", l.city(), CITY_LIMIT, true);
        String country = country(p, "location.country", l.country());
        Visibility visibility = type != null && type.defaultsToCityOnly() ? Visibility.CITY : Visibility.PUBLIC;
        if (!EventRules.blank(l.visibility())) {
            visibility = Visibility.parse(l.visibility()).orElse(null);
            if (visibility == null) {
                p.add("location.visibility", "visibility");
            }
        }
        BigDecimal[] given = coordinates(p, l.latitude(), l.longitude());
        Optional<Gazetteer.City> known = Optional.empty();
        if (city != null && country != null) {
            known = gazetteer.find(city, country);
            if (known.isPresent()) {
                city = known.get().name();
            }
        }
        BigDecimal latitude = null;
        BigDecimal longitude = null;
        if (given != null) {
            latitude = given[0];
            longitude = given[1];
            if (known.isEmpty() && country != null) {
                known = gazetteer.nearest(latitude.doubleValue(), longitude.doubleValue(), country);
            }
        } else if (!p.has("location.latitude") && !p.has("location.longitude") && city != null && country != null) {
            if (known.isPresent()) {
                latitude = scale(known.get().latitude());
                longitude = scale(known.get().longitude());
            } else {
                p.add("location.city", "cityUnknown");
            }
        }
        BigDecimal[] pin = latitude != null && visibility != null ? pin(latitude, longitude, visibility, known) : new BigDecimal[2];
        return new Place(false, onlineUrl, venue, address, city, country, latitude, longitude, visibility, pin[0], pin[1]);
    }

    private static String onlineUrl(Problems p, String value, boolean online) {
        if (EventRules.blank(value)) {
            if (online) {
                p.add("onlineUrl", "placeOrOnline");
            }
            return null;
        }
        String url = value.strip();
        if (url.length() > URL_LIMIT) {
            p.add("onlineUrl", "tooLong", URL_LIMIT);
            return null;
        }
        if (!FieldCheck.isWebAddress(url)) {
            p.add("onlineUrl", "url");
            return null;
        }
        return url;
    }

    /** Where the public pin goes: the place itself, the centre of its city, or the place rounded to about 10 km. */
    private static BigDecimal[] pin(BigDecimal latitude, BigDecimal longitude, Visibility visibility,
                                    Optional<Gazetteer.City> city) {
        if (visibility == Visibility.PUBLIC) {
            return new BigDecimal[]{latitude, longitude};
        }
        if (city.isPresent()) {
            return new BigDecimal[]{scale(city.get().latitude()), scale(city.get().longitude())};
        }
        return new BigDecimal[]{rounded(latitude), rounded(longitude)};
    }

    private static BigDecimal rounded(BigDecimal coordinate) {
        return coordinate.setScale(1, RoundingMode.HALF_UP).setScale(5, RoundingMode.UNNECESSARY);
    }

    /** A required country code of the site's list. */
    String country(Problems p, String field, String value) {
        if (EventRules.blank(value)) {
            p.add(field, "required");
            return null;
        }
        Optional<String> code = value.strip().length() == 2 ? countries.normalize(value) : Optional.empty();
        if (code.isEmpty()) {
            p.add(field, "country");
            return null;
        }
        return code.get();
    }

    private static BigDecimal[] coordinates(Problems p, String latitudeText, String longitudeText) {
        if (EventRules.blank(latitudeText) && EventRules.blank(longitudeText)) {
            return null;
        }
        BigDecimal latitude = coordinate(p, "location.latitude", latitudeText, 90);
        BigDecimal longitude = coordinate(p, "location.longitude", longitudeText, 180);
        return latitude == null || longitude == null ? null : new BigDecimal[]{latitude, longitude};
    }

    private static BigDecimal coordinate(Problems p, String field, String text, int limit) {
        if (EventRules.blank(text)) {
            p.add(field, "coordinatesBoth");
            return null;
        }
        String value = text.strip();
        if (value.length() > COORDINATE_LIMIT || !value.matches("[-+]?\\d{1,3}(\\.\\d+)?")) {
            p.add(field, "coordinate", limit);
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            p.add(field, "coordinate", limit);
            return null;
        }
        return number.setScale(5, RoundingMode.HALF_UP);
    }

    static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(5, RoundingMode.HALF_UP);
    }
}
