package org.solidarityhub.submissions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the field checks of every submission test, each in one place. {@link Problems#text} applies them to a
 * field and records message keys.
 */
public final class FieldCheck {

    /**
     * Autolinks as Markdown writes them ({@code <https://example.org>}, {@code <name@example.org>}): the
     * description hint allows them, and a browser never sees them as tags.
     */
    private static final Pattern AUTOLINK = Pattern.compile(
            "<(?:https?://|mailto:)[^\\s<>]*>|<[^\\s<>@/]+@[^\\s<>@]+>", Pattern.CASE_INSENSITIVE);
    /**
     * What a browser takes for markup: a {@code <} directly followed by a letter (a tag), {@code /} and a letter
     * (an end tag), {@code !} (a comment or declaration) or {@code ?}; a character reference; a script address.
     * {@code a < b} and {@code <3} are text.
     */
    private static final Pattern MARKUP = Pattern.compile(
            "<(?:/?[A-Za-z]|[!?])|&#?[A-Za-z0-9]+;|javascript:", Pattern.CASE_INSENSITIVE);
    /** A web address or a bare domain inside a name: "visit example.org", "https://…", "www.…". */
    private static final Pattern WEB_ADDRESS = Pattern.compile(
            "(?i)(://|\\bwww\\.|\\b[\\p{L}\\d-]{2,}\\.(?:com|org|net|info|biz|ru|su|io|me|xyz|top|ua|by|de|uk|eu|fr|pl|cc|co|app|site|online|shop|link)\\b)");

    private FieldCheck() {
    }

    public static boolean looksLikeMarkup(String text) {
        String withoutAutolinks = text.indexOf('<') < 0 ? text : AUTOLINK.matcher(text).replaceAll(" ");
        return MARKUP.matcher(withoutAutolinks).find();
    }

    /** A control character other than line break and tab, a non-character U+FFFE/U+FFFF or a broken surrogate pair. */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /**
     * An invisible character that changes how the text around it is ordered or hides it: the bidirectional
     * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the direction marks (U+200E, U+200F,
     * U+061C), the word joiner and invisible operators (U+2060–U+2064) and the byte order mark (U+FEFF). In a
     * name or a title they only serve to make it display as something else. (Joiners U+200C/U+200D stay: some
     * scripts and emoji need them.)
     */
    public static boolean hasDirectionControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                    || c == '\u061C' || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    /** Starts as a spreadsheet formula would ({@code = + - @}), which a CSV export must not carry. */
    public static boolean startsLikeFormula(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    public static boolean containsWebAddress(String text) {
        return WEB_ADDRESS.matcher(text).find();
    }

    /** An http or https address with a host that has a dot, and no user name in it. */
    public static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getHost().contains(".") && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
