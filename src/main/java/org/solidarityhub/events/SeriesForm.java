package org.solidarityhub.events;

/**
 * The part of the submission form that repeats an action (docs/events.md, "Recurring and multi-place actions"):
 * other dates (ISO dates separated by commas or spaces), every day of the campaign, other cities (one a line,
 * {@code City} or {@code City, country code}). Blank for a single event.
 */
record SeriesForm(String alsoOn, Boolean everyDay, String alsoIn) {

    static SeriesForm empty() {
        return new SeriesForm("", false, "");
    }
}
