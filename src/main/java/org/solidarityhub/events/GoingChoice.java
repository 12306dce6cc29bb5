package org.solidarityhub.events;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.submissions.Problems;

/**
 * What the organizers of an event chose for "I'm going": the mode, and for a sign-up to an event whose address is
 * given on request, how many hours before the start the participants get the exact place by mail.
 */
record GoingChoice(GoingMode mode, int addressHours) {

    /** The field of the hours in the form and in the API. */
    static final String HOURS_FIELD = "goingAddressHours";
    static final int DEFAULT_HOURS = 2;
    static final int MIN_HOURS = 1;
    static final int MAX_HOURS = 72;
    static final GoingChoice NONE = new GoingChoice(GoingMode.NONE, DEFAULT_HOURS);

    static GoingChoice of(GoingMode mode) {
        return new GoingChoice(mode, DEFAULT_HOURS);
    }

    /** The choice a submitter or organizer sent: problems of the fields are added to {@code problems}. */
    static GoingChoice check(Problems problems, @Nullable String mode, @Nullable String hours) {
        GoingMode chosen = GoingMode.check(problems, mode);
        if (hours == null || hours.isBlank()) {
            return new GoingChoice(chosen, DEFAULT_HOURS);
        }
        try {
            int value = Integer.parseInt(hours.strip());
            if (value >= MIN_HOURS && value <= MAX_HOURS) {
                return new GoingChoice(chosen, value);
            }
        } catch (NumberFormatException notANumber) {
            // the problem below
        }
        problems.add(HOURS_FIELD, "goingAddressHours", MIN_HOURS, MAX_HOURS);
        return new GoingChoice(chosen, DEFAULT_HOURS);
    }
}
