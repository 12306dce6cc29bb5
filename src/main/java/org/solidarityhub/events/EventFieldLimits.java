package org.solidarityhub.events;

import java.util.Map;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.FieldLimits;
import org.springframework.stereotype.Component;

/** The events' field limits for templates: {@code ${@eventLimits.get('title')}}. */
@Component("eventLimits")
final class EventFieldLimits extends FieldLimits {

    /**
     * The limits by form field, for the {@code maxlength} attributes of the event form, the address question, the
     * rejection reason and the list filter.
     */
    static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("title", EventRules.TITLE_LIMIT),
            Map.entry("description", EventRules.DESCRIPTION_LIMIT),
            Map.entry("languages", EventRules.LANGUAGES_LIMIT),
            Map.entry("venue", PlaceRules.VENUE_LIMIT),
            Map.entry("address", PlaceRules.ADDRESS_LIMIT),
            Map.entry("city", PlaceRules.CITY_LIMIT),
            Map.entry("coordinate", PlaceRules.COORDINATE_LIMIT),
            Map.entry("onlineUrl", PlaceRules.URL_LIMIT),
            Map.entry("organizers", EventRules.ORGANIZERS_LIMIT),
            Map.entry("organizationName", Organizations.NAME_LIMIT),
            Map.entry("email", EmailAddresses.MAX_LENGTH),
            Map.entry("accessibility", EventRules.ACCESSIBILITY_LIMIT),
            Map.entry("askName", AddressRequests.NAME_LIMIT),
            Map.entry("askMessage", AddressRequests.MESSAGE_LIMIT),
            Map.entry("reason", EventModerationController.REASON_LIMIT),
            Map.entry("q", FilterParams.Q_LIMIT));

    EventFieldLimits() {
        super(LIMITS);
    }
}
