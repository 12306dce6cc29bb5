package org.solidarityhub.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.solidarityhub.organizations.Organization;
import org.solidarityhub.platform.ContentLanguages;

/**
 * What the public may know of an event: the published version only, the place at the precision its
 * organizers chose (venue and address only when PUBLIC, the pin at the city otherwise), never the
 * contact email. {@code textLanguage} is the language its organizers wrote in (that of the form they used), so
 * that pages mark their title and description with it.
 */
record PublicEvent(long id, long campaignId, boolean cancelled, long revisionId, String title, EventType type,
                   String description, List<String> languages, LocalDateTime startsLocal, LocalDateTime endsLocal,
                   ZoneId zone, boolean online, String onlineUrl, String venue, String address, String city,
                   String country, Visibility visibility, BigDecimal latitude, BigDecimal longitude, String organizers,
                   String accessibility, Instant publishedAt, Instant updatedAt, List<Organization> organizations,
                   String textLanguage) {

    public ZonedDateTime start() {
        return startsLocal.atZone(zone);
    }

    public ZonedDateTime end() {
        return endsLocal.atZone(zone);
    }

    /** The direction of its texts' script ("rtl" for Arabic...), for their {@code dir}. */
    public String textDirection() {
        return ContentLanguages.isRightToLeft(textLanguage) ? "rtl" : "ltr";
    }

    public boolean hasPin() {
        return latitude != null && longitude != null;
    }

    PublicEvent withOrganizations(List<Organization> list) {
        return new PublicEvent(id, campaignId, cancelled, revisionId, title, type, description, languages, startsLocal,
                endsLocal, zone, online, onlineUrl, venue, address, city, country, visibility, latitude, longitude,
                organizers, accessibility, publishedAt, updatedAt, list, textLanguage);
    }
}
