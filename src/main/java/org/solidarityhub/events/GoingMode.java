package org.solidarityhub.events;

import java.util.Locale;

import org.solidarityhub.submissions.Problems;

/** What an event offers its readers who want to say "I'm going", chosen by its organizers. */
enum GoingMode {
    /** Nothing (the default). */
    NONE,
    /** An anonymous count: a button, nothing about the person kept. */
    COUNT,
    /**
     * A sign-up: a name or pseudonym and an email, confirmed from the mail; the participants get a reminder the day
     * before (and the exact place of an event whose address is given on request), and their organizers can write to
     * them without seeing an address ({@link Participants}).
     */
    SIGN_UP;

    /** The field's name in the form and in the API. */
    static final String FIELD = "going";

    /** The mode a submitter chose: none when left out; an unknown value is a problem of the field. */
    static GoingMode check(Problems problems, String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            problems.add(FIELD, FIELD);
            return NONE;
        }
    }

    boolean enabled() {
        return this != NONE;
    }
}
