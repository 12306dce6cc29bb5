package org.solidarityhub.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * One language per URL: every public HTML page lives under the prefix of its language ({@code /en/appeals/x},
 * {@code /uk/appeals/x}), one prefix for each of {@link SupportedLanguages}. Everything that is not a localized
 * page has one URL without a prefix: the staff area, the API and its feeds, assets, actuator, benchmarks, media,
 * and any path whose last segment has a file extension ({@code /events/5.ics}), except a poster's PDF
 * ({@code /uk/events/5/poster.pdf}) and a page's share card ({@code /uk/events/5/card.png}, {@link ShareCards}),
 * written or drawn in their page's language. Controllers know nothing of the
 * prefix: {@link LanguagePrefixFilter} strips it before Spring MVC and Spring Security look at the path.
 */
@Component
public class LanguageUrls {

    /** First path segments that never carry a language. */
    static final Set<String> UNPREFIXED = Set.of("staff", "api", "actuator", "bench", "media", "error",
            "css", "js", "img", "maps", "webjars", "favicon.ico", "robots.txt");

    /** The one file extension whose documents are made in a page's language, under its prefix: the posters' PDFs. */
    static final String LOCALIZED_DOCUMENT = ".pdf";

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private final SupportedLanguages languages;

    LanguageUrls(SupportedLanguages languages) {
        this.languages = languages;
    }

    /**
     * Whether a path within the application (without a language prefix, query or context path) is a localized
     * HTML page.
     */
    public static boolean isPage(String rawPath) {
        String path;
        try {
            // decided on the path as Spring MVC decodes it: /%73taff is the staff area, not a page
            path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (!path.startsWith("/")) {
            return false;
        }
        int end = path.indexOf('/', 1);
        String first = path.substring(1, end < 0 ? path.length() : end);
        if (UNPREFIXED.contains(first)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.indexOf('.') < 0 || last.endsWith(LOCALIZED_DOCUMENT)
                || path.endsWith(ShareCards.SUFFIX) && path.length() > ShareCards.SUFFIX.length();
    }

    /** The supported language whose prefix starts this path ({@code /uk/…} or exactly {@code /uk}), if any. */
    Optional<Locale> prefixOf(String path) {
        String code = firstSegment(path);
        if (code == null || !code.equals(code.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return languages.all().stream().filter(l -> l.getLanguage().equals(code)).findFirst();
    }

    /**
     * Whether the path starts with what looks like a language code that the site does not offer
     * ({@code /ru/…}): such a link is answered as if it named a language the site has.
     */
    boolean startsWithOtherLanguage(String path) {
        String code = firstSegment(path);
        return code != null && code.length() == 2 && prefixOf(path).isEmpty() && ISO_LANGUAGES.contains(code);
    }

    private static String firstSegment(String path) {
        if (path.length() < 3 || path.charAt(0) != '/') {
            return null;
        }
        int end = path.indexOf('/', 1);
        String code = path.substring(1, end < 0 ? path.length() : end);
        return code.length() >= 2 && code.length() <= 3 && code.chars().allMatch(c -> c >= 'a' && c <= 'z') ? code : null;
    }

    /** The path of a page in a language: {@code /uk} + path. */
    public static String prefixed(Locale language, String path) {
        return "/" + language.getLanguage() + (path.startsWith("/") ? path : "/" + path);
    }
}
