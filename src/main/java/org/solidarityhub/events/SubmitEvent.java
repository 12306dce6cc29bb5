package org.solidarityhub.events;

import java.util.List;

/**
 * What a submitter sends, from the form or as JSON to the API, before any checking. Scalars are strings
 * so that every malformed value gets a field-by-field message rather than a parse failure.
 */
record SubmitEvent(String title, String type, String description, List<String> languages, String start, String end,
                   String timezone, Location location, String onlineUrl, String organizers,
                   List<OrganizationRef> organizations, String contactEmail, String accessibility,
                   Boolean speakerRequested, String language, String going, Integer goingAddressHours) {

    /** Without a choice of "I'm going" (the form sends it as a field of its own). */
    SubmitEvent(String title, String type, String description, List<String> languages, String start, String end,
                String timezone, Location location, String onlineUrl, String organizers,
                List<OrganizationRef> organizations, String contactEmail, String accessibility,
                Boolean speakerRequested, String language) {
        this(title, type, description, languages, start, end, timezone, location, onlineUrl, organizers, organizations,
                contactEmail, accessibility, speakerRequested, language, null, null);
    }

    /** With a choice of "I'm going" but not of the hours (the default). */
    SubmitEvent(String title, String type, String description, List<String> languages, String start, String end,
                String timezone, Location location, String onlineUrl, String organizers,
                List<OrganizationRef> organizations, String contactEmail, String accessibility,
                Boolean speakerRequested, String language, String going) {
        this(title, type, description, languages, start, end, timezone, location, onlineUrl, organizers, organizations,
                contactEmail, accessibility, speakerRequested, language, going, null);
    }

    /** A place; null for an online event. */
    record Location(String venue, String address, String city, String country, String latitude, String longitude,
                    String visibility) {
    }

    /** A co-organizing organization: one from the records, or a new one. */
    record OrganizationRef(String name, String country) {
    }
}
