package org.solidarityhub.appeal;

import java.util.Map;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.submissions.Problems;
import org.solidarityhub.submissions.TextCheck;

/**
 * A signature as submitted by the form or the API, before it is stored. For an individual: name, email,
 * country, optional city, how to appear, optional comment, the updates opt-in. For an organization: its
 * name, country and optional website, a contact person's name and email (never published), optional comment.
 */
record SignRequest(Kind kind, String name, String email, String country, String city, Display display,
                   String comment, boolean updates, String organizationName, String organizationWebsite) {

    enum Kind { INDIVIDUAL, ORGANIZATION }

    /** How an individual appears in the public list. */
    enum Display { FULL_NAME, FIRST_NAME_COUNTRY, HIDDEN }

    static final int NAME_LIMIT = 100;
    static final int CITY_LIMIT = 100;
    static final int COMMENT_LIMIT = 500;
    /** The limits the checks apply, by field, for the forms' {@code maxlength} attributes. */
    static final Map<String, Integer> LIMITS = Map.of("name", NAME_LIMIT, "city", CITY_LIMIT, "comment", COMMENT_LIMIT,
            "organizationName", Organizations.NAME_LIMIT, "website", Organizations.WEBSITE_LIMIT,
            "email", EmailAddresses.MAX_LENGTH);

    /** Field-by-field problems, as message keys with arguments; empty when the request may be stored. */
    Problems problems(Countries countries) {
        Problems problems = new Problems("appeal.error");
        if (kind == null) {
            problems.add("kind", "kind");
            return problems;
        }
        if (kind == Kind.ORGANIZATION) {
            name(problems, "organization.name", organizationName, Organizations.NAME_LIMIT, true);
            if (!Organizations.isValidWebsite(organizationWebsite)) {
                problems.add("organization.website", "website");
            }
            name(problems, "contactName", name, NAME_LIMIT, true);
        } else {
            name(problems, "name", name, NAME_LIMIT, true);
            if (display == null) {
                problems.add("display", "display");
            }
        }
        if (!EmailAddresses.isValid(email)) {
            problems.add("email", "email");
        }
        if (countries.normalize(country).isEmpty()) {
            problems.add(kind == Kind.ORGANIZATION ? "organization.country" : "country", "country");
        }
        if (kind == Kind.INDIVIDUAL) {
            name(problems, "city", city, CITY_LIMIT, false);
        }
        problems.text("comment", comment).maxLength(COMMENT_LIMIT).plain();
        return problems;
    }

    /** A name or a city: one line of plain text, neither a formula nor a web address. */
    private static void name(Problems problems, String field, String value, int limit, boolean required) {
        TextCheck check = problems.text(field, value);
        if (required) {
            check.required();
        }
        check.maxLength(limit).plain().name().oneLine().singleLine();
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip().replace("\r\n", "\n");
        return stripped.isEmpty() ? null : stripped;
    }

    /** "Olena Kovalenko" appears as "Olena" where the signer chose first name and country. */
    static String firstName(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
