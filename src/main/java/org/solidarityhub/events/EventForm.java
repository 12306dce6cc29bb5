package org.solidarityhub.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The submission form as a browser without JavaScript sends it: flat fields, the organizations as
 * parallel lists. Converted to the same {@link SubmitEvent} the JSON API takes.
 */
record EventForm(String title, String type, String description, String languages, String start, String end,
                 String timezone, String mode, String venue, String address, String city, String country,
                 String latitude, String longitude, String visibility, String onlineUrl, String organizers,
                 List<String> organizationName, List<String> organizationCountry, String contactEmail,
                 String accessibility, Boolean speakerRequested) {

    static final int MIN_ORGANIZATION_ROWS = 3;

    static EventForm empty() {
        return new EventForm("", "", "", "", "", "", "", "place", "", "", "", "", "", "", "", "", "",
                List.of(), List.of(), "", "", false);
    }

    public boolean online() {
        return "online".equals(mode);
    }

    SubmitEvent toSubmission(Locale language) {
        List<SubmitEvent.OrganizationRef> organizations = new ArrayList<>();
        List<String> names = organizationName == null ? List.of() : organizationName;
        for (int i = 0; i < names.size(); i++) {
            String orgCountry = organizationCountry != null && i < organizationCountry.size() ? organizationCountry.get(i) : null;
            organizations.add(new SubmitEvent.OrganizationRef(names.get(i), orgCountry));
        }
        SubmitEvent.Location location = online() ? null
                : new SubmitEvent.Location(venue, address, city, country, latitude, longitude, visibility);
        return new SubmitEvent(title, type, description, languages == null ? List.of() : Arrays.asList(languages.split(",")),
                start, end, timezone, location, onlineUrl, organizers, organizations, contactEmail, accessibility,
                Boolean.TRUE.equals(speakerRequested), language.getLanguage());
    }

    /** The form filled with a stored version, for editing. */
    static EventForm of(Draft d) {
        List<String> names = d.organizations().stream().map(SubmitEvent.OrganizationRef::name).toList();
        List<String> countries = d.organizations().stream().map(SubmitEvent.OrganizationRef::country).toList();
        return new EventForm(d.title(), d.type().name(), d.description(), String.join(", ", d.languages()),
                d.startsLocal().toString(), d.endsLocal().toString(), d.zone().getId(), d.online() ? "online" : "place",
                nonNull(d.venue()), nonNull(d.address()), nonNull(d.city()), nonNull(d.country()),
                plain(d.latitude()), plain(d.longitude()), d.visibility().name(), nonNull(d.onlineUrl()), d.organizers(),
                names, countries, "", d.accessibility(), d.speakerRequested());
    }

    /** Rows of the organizations table: those given, then empty ones up to at least three and one spare. */
    public List<String[]> organizationRows() {
        List<String[]> rows = new ArrayList<>();
        List<String> names = organizationName == null ? List.of() : organizationName;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && !names.get(i).isBlank()) {
                String c = organizationCountry != null && i < organizationCountry.size() ? organizationCountry.get(i) : "";
                rows.add(new String[]{names.get(i), c == null ? "" : c});
            }
        }
        int target = Math.max(MIN_ORGANIZATION_ROWS, rows.size() + 1);
        while (rows.size() < target) {
            rows.add(new String[]{"", ""});
        }
        return rows;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
