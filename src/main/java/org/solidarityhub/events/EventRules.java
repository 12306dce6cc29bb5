package org.solidarityhub.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.ContentLanguages;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.springframework.stereotype.Component;

/**
 * Checks a submission field by field and turns it into a {@link Draft}: every problem becomes a message key
 * under the field's name (API names: {@code title}, {@code location.city}, {@code organizations[0].name}),
 * put into words where it is shown. What is checked where: {@link PlaceRules} (where), {@link TimeRules}
 * (when), here what and who.
 */
@Component
class EventRules {

    static final int TITLE_LIMIT = 200;
    static final int DESCRIPTION_LIMIT = 10_000;
    static final int CITY_LIMIT = PlaceRules.CITY_LIMIT;
    static final int ORGANIZERS_LIMIT = 500;
    static final int ACCESSIBILITY_LIMIT = 2000;
    /** The form's field of language codes (ten codes fit). */
    static final int LANGUAGES_LIMIT = 100;
    static final int MAX_LANGUAGES = 10;
    static final int MAX_ORGANIZATIONS = 20;

    /** A checked submission: the draft, or the problems. */
    record Outcome(Draft draft, Problems problems, String contactEmail, Locale language) {

        boolean valid() {
            return problems.isEmpty();
        }

        /** Field → problem, for the form. */
        Map<String, Problem> errors() {
            return problems.all();
        }
    }

    private final PlaceRules places;
    private final TimeRules times;
    private final SupportedLanguages supported;

    EventRules(Gazetteer gazetteer, Countries countries, SupportedLanguages supported, Clock clock) {
        this.places = new PlaceRules(gazetteer, countries);
        this.times = new TimeRules(gazetteer, clock);
        this.supported = supported;
    }

    /** Checks a submission to a campaign (its start must fall on a day of the campaign, see {@link TimeRules}). */
    Outcome check(SubmitEvent in, Campaign campaign, Locale locale, boolean contactRequired) {
        return check(in, campaign, locale, contactRequired, true);
    }

    /** As {@link #check(SubmitEvent, Campaign, Locale, boolean)}; demo content skips the range around today. */
    Outcome check(SubmitEvent in, Campaign campaign, Locale locale, boolean contactRequired, boolean nearToday) {
        Problems p = new Problems("events.error");
        // what
        String title = line(p, "title", in.title(), TITLE_LIMIT, true);
        EventType type = type(p, in.type());
        String description = text(p, "description", in.description(), DESCRIPTION_LIMIT);
        List<String> languages = languages(p, in.languages());
        PlaceRules.Place place = places.check(p, in, type);
        TimeRules.Timing timing = times.check(p, in, place, nearToday, campaign, locale);
        // who
        String organizers = line(p, "organizers", in.organizers(), ORGANIZERS_LIMIT, true);
        List<SubmitEvent.OrganizationRef> organizations = organizations(p, in.organizations(), place.country());
        String email = contactEmail(p, in.contactEmail(), contactRequired);
        String accessibility = text(p, "accessibility", in.accessibility(), ACCESSIBILITY_LIMIT);
        Locale language = language(p, in.language(), locale);

        if (!p.isEmpty()) {
            return new Outcome(null, p, email, language);
        }
        boolean online = place.online();
        Draft draft = new Draft(title, type, description == null ? "" : description, languages, timing.start(), timing.end(),
                timing.zone(), online, place.onlineUrl(), place.venue(), place.address(), place.city(), place.country(),
                place.latitude(), place.longitude(), place.visibility(), place.publicLatitude(), place.publicLongitude(),
                organizers, organizations, accessibility == null ? "" : accessibility, Boolean.TRUE.equals(in.speakerRequested()));
        return new Outcome(draft, p, email, language);
    }

    /** A one-line text: plain, no control or direction characters. */
    static String line(Problems p, String field, String value, int limit, boolean required) {
        var check = p.text(field, value);
        if (required) {
            check.required();
        }
        return check.maxLength(limit).plain().noControl().singleLine().value();
    }

    /** An optional text of several lines. */
    private static String text(Problems p, String field, String value, int limit) {
        return p.text(field, value).maxLength(limit).plain().noControl().value();
    }

    private static EventType type(Problems p, String value) {
        if (blank(value)) {
            p.add("type", "required");
            return null;
        }
        EventType type = EventType.parse(value).orElse(null);
        if (type == null) {
            p.add("type", "type");
        }
        return type;
    }

    /** The languages spoken at the event: any ISO 639 codes, as a list or comma- or space-separated. */
    private static List<String> languages(Problems p, List<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value == null ? new String[0] : value.split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                String code = part.strip().toLowerCase(Locale.ROOT);
                if (!ContentLanguages.isKnown(code)) {
                    p.add("languages", "languages");
                    return List.of();
                }
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            p.add("languages", "required");
        } else if (codes.size() > MAX_LANGUAGES) {
            p.add("languages", "tooMany", MAX_LANGUAGES);
        }
        return List.copyOf(codes);
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
            String name = line(p, prefix + ".name", ref.name().replaceAll("\\s+", " "), Organizations.NAME_LIMIT, true);
            String country = blank(ref.country()) ? eventCountry : places.country(p, prefix + ".country", ref.country());
            if (name != null && country == null && !p.has(prefix + ".country")) {
                p.add(prefix + ".country", "organizationCountry");
            }
            if (name != null && country != null && seen.add(Gazetteer.fold(name) + "|" + country)) {
                result.add(new SubmitEvent.OrganizationRef(name, country));
            }
        }
        if (result.size() > MAX_ORGANIZATIONS) {
            p.add("organizations", "tooMany", MAX_ORGANIZATIONS);
        }
        return result;
    }

    private static String contactEmail(Problems p, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                p.add("contactEmail", "required");
            }
            return null;
        }
        if (!EmailAddresses.isValid(value)) {
            p.add("contactEmail", "email");
            return null;
        }
        return value.strip();
    }

    /** The language of the submitter's emails: one the site offers, else the language of the request. */
    private Locale language(Problems p, String value, Locale locale) {
        if (blank(value)) {
            return locale;
        }
        String code = value.strip();
        Optional<Locale> offered = supported.byCode(code).filter(l -> l.getLanguage().equals(code));
        if (offered.isEmpty()) {
            p.add("language", "language", supported.all().stream()
                    .map(l -> ContentLanguages.name(l.getLanguage(), locale) + " (" + l.getLanguage() + ")").collect(Collectors.joining(", ")));
        }
        return offered.orElse(locale);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
