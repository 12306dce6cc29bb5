package org.solidarityhub.platform;

/**
 * What every text entering the site is screened for, wherever it comes from (form and query parameters,
 * multipart fields, the path, JSON bodies): control characters (other than tab and line breaks), text that was
 * not valid UTF-8 (decoded to U+FFFD), unpaired surrogates, non-characters, and lengths far beyond any field.
 * Lengths are counted in UTF-16 units ({@link String#length()}), as H2 counts a VARCHAR and never less than
 * PostgreSQL counts it, so a text within a limit fits its column on both. Each refusal is a message key.
 */
final class TextScreening {

    /** No field of the site takes more; longer values are refused before anything reads them. */
    static final int MAX_VALUE_LENGTH = 100_000;

    private TextScreening() {
    }

    /** The reason (a message key) to refuse a value, or {@code null} when it may be read. */
    static String problem(String text, int maxLength, boolean lineBreaksAllowed) {
        if (text.length() > maxLength) {
            return "error.reason.too-long";
        }
        if (text.indexOf('\uFFFD') >= 0) {
            return "error.reason.encoding";
        }
        if (hasBadCharacter(text, lineBreaksAllowed)) {
            return "error.reason.control";
        }
        return null;
    }

    /** Control characters (C0 except tab, CR, LF; DEL; C1), unpaired surrogates and non-characters. */
    static boolean hasBadCharacter(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!lineBreaksAllowed) {
                    return true;
                }
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
