package org.solidarityhub.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a public page is rendered in, as the page cache keys it and says it varies.
 * <p>
 * Until the language is part of the URL (issue 10, "one language per URL"), it is the one {@link LocaleResolver}
 * takes from the {@code lang} cookie or {@code Accept-Language}, so responses say {@code Vary: Cookie,
 * Accept-Language}; once the URL carries it, {@link #of} reads the prefix and {@link #inUrl} says true, and the
 * {@code Vary} on these headers goes.
 */
@Component
class PageLanguage {

    private final LocaleResolver resolver;

    PageLanguage(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    Locale of(HttpServletRequest request) {
        return resolver.resolveLocale(request);
    }

    /** Whether the URL names the language (then responses do not vary on the cookie and Accept-Language). */
    boolean inUrl(HttpServletRequest request) {
        return false;
    }

    /** Whether the request chooses a language ({@code ?lang=}): it sets a cookie and is never answered from a cache. */
    boolean choosing(HttpServletRequest request) {
        return request.getParameter(LocaleConfiguration.PARAMETER) != null;
    }
}
