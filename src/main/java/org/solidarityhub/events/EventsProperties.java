package org.solidarityhub.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the events feature, under {@code events.*}.
 *
 * @param tileUrl             URL template of map tiles ({@code https://tiles.example.org/{z}/{x}/{y}.png}); empty
 *                            (the default) for no tiles at all: the map then shows country outlines shipped with
 *                            the app. A template makes every reader's browser contact its host.
 * @param tileAttribution     attribution text the tile provider asks for, shown on the map
 * @param unconfirmedValidity how long a submission waits for its submitter to confirm it from the email
 * @param contactRetention    how long after an event ends its contact email is kept (then erased)
 * @param listPageSize        events per page of the public list
 * @param apiPageSize         events per page of the JSON API
 * @param submissionsPer10Minutes submissions one IP address may make in 10 minutes (form and API together)
 * @param submissionsPerDay   submissions one IP address may make in a day
 * @param duplicateWindow     the window within which the same submission sent again (a double click) is stored once
 * @param myEventsPerHour     "my events" requests one IP address may make in an hour
 * @param myEventsMailsPerDay "my events" mails one email address may receive in a day (more requests mail nothing)
 * @param maxImages         pictures and posters one event may have (docs/events.md, "Pictures and posters")
 * @param maxOccurrences    events one recurring or multi-place action may become (docs/events.md)
 * @param participantRetention how long after an event ends the names and emails of its participants are kept (then
 *                            erased; the count stays)
 * @param participantMessagesPerDay messages the organizers of one event may send to its participants in a day
 * @param benchHelloWorld     serve GET /bench/hello-world, the baseline of bench/events (never in production)
 */
@ConfigurationProperties("events")
record EventsProperties(
        @DefaultValue("") String tileUrl,
        @DefaultValue("") String tileAttribution,
        @DefaultValue("7d") Duration unconfirmedValidity,
        @DefaultValue("60d") Duration contactRetention,
        @DefaultValue("100") int listPageSize,
        @DefaultValue("100") int apiPageSize,
        @DefaultValue("30") int submissionsPer10Minutes,
        @DefaultValue("300") int submissionsPerDay,
        @DefaultValue("10m") Duration duplicateWindow,
        @DefaultValue("5") int myEventsPerHour,
        @DefaultValue("3") int myEventsMailsPerDay,
        @DefaultValue("4") int maxImages,
        @DefaultValue("10") int maxOccurrences,
        @DefaultValue("7d") Duration participantRetention,
        @DefaultValue("3") int participantMessagesPerDay,
        boolean benchHelloWorld) {

    boolean hasTiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }
}
