package org.solidarityhub.platform;

import java.util.Set;

/**
 * Which message keys name an HTTP error: {@code error.<status>.title} and {@code error.<status>.text} for the
 * statuses the site explains, else those of 400 or 500. Error pages, JSON errors and API problem details read
 * them from here, so that every answer of one status says the same.
 */
final class ErrorTexts {

    private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 503);

    private ErrorTexts() {
    }

    static String titleKey(int status) {
        return "error." + explained(status) + ".title";
    }

    /** The reason given when nothing more precise is known. */
    static String reasonKey(int status) {
        return "error." + explained(status) + ".text";
    }

    private static int explained(int status) {
        return EXPLAINED.contains(status) ? status : status >= 500 ? 500 : 400;
    }
}
