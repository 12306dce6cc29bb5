package org.solidarityhub.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * An offline gazetteer of the world's cities, shipped with the app (GeoNames data, CC BY; see
 * tools/gazetteer): finds a city by its name or one of its other names ("Bruxelles", "Kiev", "Київ") in a
 * country, the nearest city to coordinates, and the time zone of a place or a country. No online geocoder
 * is ever asked.
 */
@Component
class Gazetteer {

    /** A city of the gazetteer. */
    record City(long id, String name, String country, String admin1, double latitude, double longitude,
                long population, ZoneId zone) {
    }

    private static final Comparator<City> MOST_POPULOUS = Comparator.comparingLong(City::population).reversed();

    private final List<City> cities = new ArrayList<>();
    /** Folded name or alias → cities of that name, most populous first. */
    private final Map<String, List<City>> byName = new HashMap<>();
    private final Map<String, City> biggestByCountry = new HashMap<>();

    Gazetteer() {
        Map<Long, City> byId = new HashMap<>();
        read("events/gazetteer/cities.tsv.gz", fields -> {
            ZoneId zone;
            try {
                zone = ZoneId.of(fields[8]);
            } catch (DateTimeException e) {
                return; // a zone this JDK does not know: leave the city out rather than guess
            }
            City city = new City(Long.parseLong(fields[0]), fields[1], fields[3], fields[4],
                    Double.parseDouble(fields[5]), Double.parseDouble(fields[6]), Long.parseLong(fields[7]), zone);
            cities.add(city);
            byId.put(city.id(), city);
            index(fold(fields[1]), city);
            index(fold(fields[2]), city);
            biggestByCountry.merge(city.country(), city, (a, b) -> a.population() >= b.population() ? a : b);
        });
        read("events/gazetteer/aliases.tsv.gz", fields -> {
            City city = byId.get(Long.parseLong(fields[0]));
            if (city != null) {
                index(fold(fields[1]), city);
            }
        });
        byName.values().forEach(list -> list.sort(MOST_POPULOUS));
    }

    private void index(String key, City city) {
        if (key.isEmpty()) {
            return;
        }
        List<City> list = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(city)) {
            list.add(city);
        }
    }

    int size() {
        return cities.size();
    }

    /** The most populous city of this name (or other name) in the country; any country when it is null. */
    Optional<City> find(String name, String country) {
        if (name == null) {
            return Optional.empty();
        }
        List<City> candidates = byName.getOrDefault(fold(name), List.of());
        return candidates.stream().filter(c -> country == null || c.country().equals(country)).findFirst();
    }

    /** A query such as "Brussels, BE", "Bruxelles" or "Kiev, UA": a name, optionally a comma and a country code. */
    Optional<City> resolve(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        int comma = query.lastIndexOf(',');
        if (comma > 0) {
            String code = query.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
            if (code.length() == 2) {
                return find(query.substring(0, comma), code);
            }
        }
        return find(query, null);
    }

    /** The city nearest to the coordinates, within the country when one is given. */
    Optional<City> nearest(double latitude, double longitude, String country) {
        City best = null;
        double bestDistance = Double.MAX_VALUE;
        for (City city : cities) {
            if (country != null && !city.country().equals(country)) {
                continue;
            }
            double d = distanceKm(latitude, longitude, city.latitude(), city.longitude());
            if (d < bestDistance) {
                bestDistance = d;
                best = city;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The most populous cities within {@code radiusKm} of a point, biggest first, at most {@code limit}, leaving out a
     * city nearer than {@code spacingKm} to a bigger one already chosen (their labels would overlap on a map).
     */
    List<City> around(double latitude, double longitude, double radiusKm, int limit, double spacingKm) {
        List<City> near = new ArrayList<>();
        for (City city : cities) {
            if (Math.abs(city.latitude() - latitude) <= radiusKm / 100.0
                    && distanceKm(latitude, longitude, city.latitude(), city.longitude()) <= radiusKm) {
                near.add(city);
            }
        }
        near.sort(MOST_POPULOUS);
        List<City> chosen = new ArrayList<>();
        for (City city : near) {
            if (chosen.size() >= limit) {
                break;
            }
            if (chosen.stream().noneMatch(c -> distanceKm(c.latitude(), c.longitude(), city.latitude(), city.longitude()) < spacingKm)) {
                chosen.add(city);
            }
        }
        return chosen;
    }

    /** The time zone of a country: that of its most populous city. */
    Optional<ZoneId> zoneOf(String country) {
        return Optional.ofNullable(country == null ? null : biggestByCountry.get(country)).map(City::zone);
    }

    /** The time zone at coordinates (that of the nearest city, in the country if given), else the country's. */
    Optional<ZoneId> zoneAt(Double latitude, Double longitude, String country) {
        if (latitude != null && longitude != null) {
            Optional<City> near = nearest(latitude, longitude, country);
            if (near.isPresent()) {
                return near.map(City::zone);
            }
        }
        return zoneOf(country);
    }

    /** Case, accents, hyphens and spacing folded: "Sankt-Peterburg" and "sankt peterburg" are one. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-'’.]+", " ").strip();
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private interface Row {
        void accept(String[] fields);
    }

    private static void read(String resource, Row row) {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(resource).getInputStream());
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer " + resource, e);
        }
    }
}
