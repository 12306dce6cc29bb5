package org.solidarityhub.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a public page is rendered in, as the page cache keys it and says it varies: the URL's language
 * prefix ({@link LanguagePrefixFilter}); for a page without one (none today, but a feature may declare one), the
 * language {@link LocaleResolver} takes from the {@code lang} cookie or {@code Accept-Language}, and then the
 * response says it varies on those.
 */
@Component
class PageLanguage {

    private final LocaleResolver resolver;

    PageLanguage(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    Locale of(HttpServletRequest request) {
        return request.getAttribute(LanguagePrefixFilter.LANGUAGE) instanceof Locale prefix ? prefix : resolver.resolveLocale(request);
    }

    /** Whether the URL names the language (then responses do not vary on the cookie and Accept-Language). */
    boolean inUrl(HttpServletRequest request) {
        return request.getAttribute(LanguagePrefixFilter.LANGUAGE) instanceof Locale;
    }

    /** Whether the request chooses a language ({@code ?lang=}): it sets a cookie and is never answered from a cache. */
    boolean choosing(HttpServletRequest request) {
        return request.getParameter(LocaleConfiguration.PARAMETER) != null;
    }
}
