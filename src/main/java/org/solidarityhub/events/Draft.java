package org.solidarityhub.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The checked content of an event, as stored in one revision. Local start and end with the zone are the
 * truth; the place's exact coordinates are private unless the visibility is PUBLIC, and
 * {@code publicLatitude/publicLongitude} are the pin at the chosen precision.
 */
record Draft(String title, EventType type, String description, List<String> languages,
             LocalDateTime startsLocal, LocalDateTime endsLocal, ZoneId zone,
             boolean online, String onlineUrl,
             String venue, String address, String city, String country, BigDecimal latitude, BigDecimal longitude,
             Visibility visibility, BigDecimal publicLatitude, BigDecimal publicLongitude,
             String organizers, List<SubmitEvent.OrganizationRef> organizations, String accessibility,
             boolean speakerRequested) {

    public ZonedDateTime start() {
        return startsLocal.atZone(zone);
    }

    public ZonedDateTime end() {
        return endsLocal.atZone(zone);
    }

    public Instant startsAt() {
        return start().toInstant();
    }

    public Instant endsAt() {
        return end().toInstant();
    }

    /** Whether, compared with another version, the title, the time or the place changed (what needs a moderator again). */
    boolean changesTitleTimeOrPlace(Draft before) {
        return !Objects.equals(title, before.title)
                || !Objects.equals(startsLocal, before.startsLocal) || !Objects.equals(endsLocal, before.endsLocal)
                || !Objects.equals(zone, before.zone)
                || online != before.online || !Objects.equals(onlineUrl, before.onlineUrl)
                || !Objects.equals(venue, before.venue) || !Objects.equals(address, before.address)
                || !Objects.equals(city, before.city) || !Objects.equals(country, before.country)
                || !sameNumber(latitude, before.latitude) || !sameNumber(longitude, before.longitude)
                || visibility != before.visibility;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
