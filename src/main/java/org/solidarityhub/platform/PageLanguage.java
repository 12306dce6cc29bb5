package org.solidarityhub.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language a public page or feed is rendered in, as the page cache keys it: always one the URL names, so that a
 * cache keyed by URL never mixes languages and no answer varies on the {@code lang} cookie or {@code Accept-Language}.
 * A page names it with its prefix ({@link LanguagePrefixFilter}); a feed or API answer (no prefix) with
 * {@code ?lang=}, else it is in the base language ({@link SupportedLanguages#BASE}).
 */
@Component
class PageLanguage {

    /** The language an unprefixed URL names with {@code ?lang=} (a {@link Locale}), set by {@link LanguagePrefixFilter}. */
    static final String QUERY_LANGUAGE = PageLanguage.class.getName() + ".query";
    /** The reader's own language (a {@link Locale}) when the URL named none: for the errors of the request. */
    private static final String READER_LANGUAGE = PageLanguage.class.getName() + ".reader";

    private final LocaleResolver resolver;

    PageLanguage(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The language of a declared public page, settled for the rest of the request: its prefix, else its
     * {@code ?lang=}, else the base language, whatever the reader's cookie or {@code Accept-Language} say.
     */
    Locale settle(HttpServletRequest request) {
        if (request.getAttribute(LanguagePrefixFilter.LANGUAGE) instanceof Locale prefix) {
            return prefix;
        }
        Locale language = SupportedLanguages.BASE;
        if (request.getAttribute(QUERY_LANGUAGE) instanceof Locale query) {
            language = query;
        } else {
            request.setAttribute(READER_LANGUAGE, resolver.resolveLocale(request));
        }
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, language);
        request.setAttribute(QUERY_LANGUAGE, language);
        return language;
    }

    /**
     * The language of an error answer: the reader's own when the URL named no language (an error is never kept, so
     * it may speak the reader's {@code Accept-Language}), else the request's.
     */
    static Locale ofError(WebRequest request) {
        return request.getAttribute(READER_LANGUAGE, RequestAttributes.SCOPE_REQUEST) instanceof Locale reader
                ? reader : LocaleContextHolder.getLocale();
    }
}
