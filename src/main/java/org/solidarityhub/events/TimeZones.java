package org.solidarityhub.events;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The IANA time zones a submitter can choose: the region-based ones (Europe/Kyiv), plus UTC. */
final class TimeZones {

    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");

    static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || (id.contains("/") && REGIONS.contains(id.substring(0, id.indexOf('/')))))
            .sorted()
            .toList();

    private static final Set<String> CHOICE_SET = Set.copyOf(CHOICES);

    private TimeZones() {
    }

    static Optional<ZoneId> parse(String id) {
        if (id == null || !CHOICE_SET.contains(id.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
