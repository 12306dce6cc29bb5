package org.solidarityhub.appeal;

import java.util.Locale;

import org.solidarityhub.submissions.Guard;

/**
 * The sign form as posted by a browser (both variants: individual and organization). Everything is a
 * string, so that any input binds and gets a message of ours. {@code homepage} is the honeypot ({@link Guard#HONEYPOT}): a field
 * people never see or fill in.
 */
record SignForm(String kind, String name, String email, String country, String city, String display, String comment,
                Boolean updates, String organizationName, String organizationWebsite, String homepage, Long revision) {

    static SignForm empty(String kind) {
        return new SignForm(kind, "", "", "", "", null, "", false, "", "", "", null);
    }

    boolean isOrganization() {
        return "ORGANIZATION".equals(kind);
    }

    boolean filledHoneypot() {
        return Guard.isBot(homepage);
    }

    SignRequest toRequest() {
        return new SignRequest(parse(SignRequest.Kind.class, kind), name, email, country, city,
                parse(SignRequest.Display.class, display), comment, Boolean.TRUE.equals(updates), organizationName,
                organizationWebsite);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
