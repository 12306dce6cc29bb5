package org.solidarityhub.submissions;

import org.jspecify.annotations.Nullable;

/**
 * The checks of one text field, in the order they are called; the first that fails records its problem and
 * the later ones are skipped. The value is stripped first; {@link #value()} is the stripped text, or
 * {@code null} when the field is empty or has a problem.
 *
 * <pre>{@code
 * String city = problems.text("city", form.city()).maxLength(100).plain().singleLine().name().value();
 * }</pre>
 */
public final class TextCheck {

    private final Problems problems;
    private final String field;
    private final @Nullable String text;
    private boolean failed;

    TextCheck(Problems problems, String field, @Nullable String value) {
        this.problems = problems;
        this.field = field;
        String stripped = value == null ? "" : value.strip();
        this.text = stripped.isEmpty() ? null : stripped;
    }

    private TextCheck fail(String suffix, Object... arguments) {
        problems.add(field, suffix, arguments);
        failed = true;
        return this;
    }

    private boolean skip() {
        return failed || text == null;
    }

    public TextCheck required() {
        return text == null && !failed ? fail("required") : this;
    }

    /** At most {@code limit} UTF-16 units ({@link String#length()}): what H2 counts, never less than PostgreSQL. */
    public TextCheck maxLength(int limit) {
        return skip() || text.length() <= limit ? this : fail("tooLong", limit);
    }

    /** No HTML: no tag, comment or character reference ({@link FieldCheck#looksLikeMarkup}). */
    public TextCheck plain() {
        return skip() || !FieldCheck.looksLikeMarkup(text) ? this : fail("markup");
    }

    /** No control characters other than line breaks and tabs, no broken surrogate pairs. */
    public TextCheck noControl() {
        return skip() || !FieldCheck.hasControl(text) ? this : fail("control");
    }

    /** No characters that reorder or hide text ({@link FieldCheck#hasDirectionControl}): for one-line fields. */
    public TextCheck singleLine() {
        return skip() || !FieldCheck.hasDirectionControl(text) ? this : fail("direction");
    }

    /** A person's or an organization's name: no spreadsheet formula start, no web address. */
    public TextCheck name() {
        if (skip()) {
            return this;
        }
        if (FieldCheck.startsLikeFormula(text)) {
            return fail("formula");
        }
        return FieldCheck.containsWebAddress(text) ? fail("webAddress") : this;
    }

    /** No line breaks. */
    public TextCheck oneLine() {
        return skip() || text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? this : fail("lines");
    }

    public @Nullable String value() {
        return failed ? null : text;
    }
}
