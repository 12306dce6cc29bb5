package org.solidarityhub.fundraising;

import org.solidarityhub.submissions.FieldCheck;

/**
 * A text field of a bank export (reference, payer, bank id) made safe to keep and show: control characters and
 * invisible direction marks become spaces, runs of spaces one, the length is capped, and a text that a spreadsheet
 * would run as a formula ({@code =HYPERLINK(…)}, {@code +cmd|…}, {@code @SUM(…)}) gets a leading apostrophe, so it
 * is kept and shown as the text it is, never executed, wherever it is exported later.
 */
final class ImportedText {

    static final int MAX_LENGTH = 500;

    /** The cleaned text, and whether a formula was defused. */
    record Cleaned(String text, boolean defused) {
    }

    private ImportedText() {
    }

    static Cleaned clean(String raw) {
        if (raw == null) {
            return new Cleaned("", false);
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH));
        raw.codePoints().forEach(c -> {
            String one = Character.toString(c);
            out.append(FieldCheck.hasControl(one) || FieldCheck.hasDirectionControl(one) || Character.isWhitespace(c) ? " " : one);
        });
        String text = out.toString().strip().replaceAll(" {2,}", " ");
        boolean defused = FieldCheck.startsLikeFormula(text);
        if (defused) {
            text = "'" + text;
        }
        if (text.length() > MAX_LENGTH) {
            int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            text = text.substring(0, end);
        }
        return new Cleaned(text, defused);
    }
}
