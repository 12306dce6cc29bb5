package org.solidarityhub.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * On a page under a language prefix, {@code @{/…}} links get the prefix from the context path
 * ({@link LanguagePrefixFilter}); links to what has no prefix (assets, API, staff, feeds) lose it again here, so
 * each of them has one URL. A link to a feed or the API from a page in another language than the base one gets
 * {@code ?lang=} of the page, since the URL alone says the language of what it answers ({@link PageLanguage}). Runs after Spring Security, whose first filter stops {@code encodeURL} from reaching
 * the filters before it, and before the resource chain's filter, which fingerprints asset links first.
 */
final class PrefixedLinks implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getAttribute(LanguagePrefixFilter.LANGUAGE) instanceof Locale language
                && request.getAttribute(LanguagePrefixFilter.APPLICATION_PATH) instanceof String context) {
            chain.doFilter(request, new Response((HttpServletResponse) response, context, language));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class Response extends HttpServletResponseWrapper {

        private final String context;
        private final String prefixed;
        private final Locale language;

        Response(HttpServletResponse response, String context, Locale language) {
            super(response);
            this.context = context;
            this.language = language;
            this.prefixed = context + "/" + language.getLanguage();
        }

        @Override
        public String encodeURL(String url) {
            return super.encodeURL(unprefixed(url));
        }

        @Override
        public String encodeRedirectURL(String url) {
            return super.encodeRedirectURL(unprefixed(url));
        }

        private String unprefixed(String url) {
            if (url == null || !url.startsWith(prefixed + "/")) {
                return url;
            }
            String rest = url.substring(prefixed.length());
            int end = rest.length();
            for (char c : new char[]{'?', '#', ';'}) {
                int at = rest.indexOf(c);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            String path = rest.substring(0, end);
            if (LanguageUrls.isPage(path)) {
                return url;
            }
            return context + (path.startsWith("/api/") ? withLanguage(rest) : rest);
        }

        /** A feed or API link in this page's language, which it names itself (its language is not the reader's). */
        private String withLanguage(String link) {
            if (language.equals(SupportedLanguages.BASE)) {
                return link;
            }
            int fragment = link.indexOf('#');
            int end = fragment < 0 ? link.length() : fragment;
            int query = link.indexOf('?');
            String separator = query >= 0 && query < end ? "&" : "?";
            return link.substring(0, end) + separator + LocaleConfiguration.PARAMETER + "=" + language.getLanguage()
                    + link.substring(end);
        }
    }
}
