package org.solidarityhub.appeal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.EmailAddresses;

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

    /** A web address or a bare domain inside a name: "visit example.org", "https://…", "www.…". */
    private static final Pattern URL_LIKE = Pattern.compile(
            "(?i)(://|\\bwww\\.|\\b[\\p{L}\\d-]{2,}\\.(?:com|org|net|info|biz|ru|su|io|me|xyz|top|ua|by|de|uk|eu|fr|pl|cc|co|app|site|online|shop|link)\\b)");
    /** Something that looks like an HTML tag or entity, which no name or comment needs. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;");

    /** Field-by-field problems, as message keys; empty when the request may be stored. */
    Map<String, String> problems(Countries countries) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null) {
            problems.put("kind", "appeal.error.kind");
            return problems;
        }
        if (kind == Kind.ORGANIZATION) {
            text(problems, "organization.name", organizationName, true, Organizations.NAME_LIMIT, true);
            if (!Organizations.isValidWebsite(organizationWebsite)) {
                problems.put("organization.website", "appeal.error.website");
            }
            text(problems, "contactName", name, true, NAME_LIMIT, true);
        } else {
            text(problems, "name", name, true, NAME_LIMIT, true);
            if (display == null) {
                problems.put("display", "appeal.error.display");
            }
        }
        if (!EmailAddresses.isValid(email)) {
            problems.put("email", "appeal.error.email");
        }
        if (countries.normalize(country).isEmpty()) {
            problems.put(kind == Kind.ORGANIZATION ? "organization.country" : "country", "appeal.error.country");
        }
        if (kind == Kind.INDIVIDUAL) {
            text(problems, "city", city, false, CITY_LIMIT, true);
        }
        text(problems, "comment", comment, false, COMMENT_LIMIT, false);
        return problems;
    }

    private static void text(Map<String, String> problems, String field, String value, boolean required, int limit,
                             boolean isName) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.put(field, "appeal.error.required");
            }
            return;
        }
        if (text.length() > limit) { // UTF-16 units, as H2 counts a VARCHAR: an emoji takes two
            problems.put(field, "appeal.error.tooLong." + limit);
        } else if (MARKUP.matcher(text).find()) {
            problems.put(field, "appeal.error.html");
        } else if (isName && "=+-@".indexOf(text.charAt(0)) >= 0) {
            problems.put(field, "appeal.error.formula");
        } else if (isName && URL_LIKE.matcher(text).find()) {
            problems.put(field, "appeal.error.url");
        } else if (isName && text.contains("\n")) {
            problems.put(field, "appeal.error.lines");
        }
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
