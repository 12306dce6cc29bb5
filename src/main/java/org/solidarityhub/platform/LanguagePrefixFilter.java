package org.solidarityhub.platform;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Serves each localized page under its language prefix ({@link LanguageUrls}), before Spring Security and Spring
 * MVC look at the request:
 * <ul>
 * <li>{@code /uk/appeals/x}: the request goes on with the context path {@code /uk} (the request URI unchanged), so
 * controllers, security rules, {@code @{/…}} links and {@code redirect:/…} all see and write {@code /appeals/x}
 * under the prefix; the language of the request is Ukrainian, whatever the cookie or {@code Accept-Language} say.
 * Links to what has no prefix (assets, API, staff) lose it again ({@link PrefixedLinks}).</li>
 * <li>{@code /appeals/x} (a GET or HEAD): 302 to the prefix of the {@code lang} cookie, else of
 * {@code Accept-Language}, with {@code Vary: Cookie, Accept-Language} on that redirect only. Links mailed before
 * the prefixes existed work so. Other methods go on unprefixed, in the cookie's language (forms rendered before).</li>
 * <li>{@code ?lang=xx} on a page: the reader chose, so the choice goes into the cookie and the reader to the same
 * page under {@code /xx}; a language the site does not offer changes nothing (no error page).</li>
 * <li>{@code /api/…?lang=uk}: the answer is in Ukrainian, for this request only (no cookie); with a language the
 * site does not offer ({@code ?lang=ru}) it is in the base language, never an error; without {@code ?lang=} a
 * declared feed or API answer is in the base language ({@link PageLanguage}), anything else of the API in the
 * reader's ({@code Accept-Language}).</li>
 * <li>{@code /ru/…}, a language the site does not offer: as if it had no prefix. {@code /uk/staff}: to
 * {@code /staff}. {@code /uk}: to {@code /uk/}.</li>
 * </ul>
 * The error page of a prefixed request is rendered under the same prefix.
 */
final class LanguagePrefixFilter implements Filter {

    /** The language of a prefixed request (a {@link Locale}). */
    static final String LANGUAGE = LanguagePrefixFilter.class.getName() + ".language";
    /** The context path of the application itself, without the language (a String). */
    static final String APPLICATION_PATH = LanguagePrefixFilter.class.getName() + ".application";
    private static final String PARAMETER = LocaleConfiguration.PARAMETER;

    private final LanguageUrls urls;
    private final SupportedLanguages languages;
    private final LocaleResolver resolver;
    private final List<HeaderWriter> headers = SecurityConfiguration.everyResponse();

    LanguagePrefixFilter(LanguageUrls urls, SupportedLanguages languages, LocaleResolver resolver) {
        this.urls = urls;
        this.languages = languages;
        this.resolver = resolver;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            errorPage(request, response, chain);
            return;
        }
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Optional<Locale> prefix = urls.prefixOf(path);
        if (prefix.isPresent()) {
            Locale language = prefix.get();
            String rest = path.substring(1 + language.getLanguage().length());
            if (read && rest.isEmpty()) {
                redirect(request, response, context + path + "/" + query(request));
            } else if (read && !LanguageUrls.isPage(rest)) {
                redirect(request, response, context + rest + query(request));
            } else if (read && request.getParameter(PARAMETER) != null) {
                Locale chosen = choice(request, response).orElse(language);
                redirect(request, response, context + LanguageUrls.prefixed(chosen, rest) + query(request));
            } else if (LanguageUrls.isPage(rest)) {
                request.setAttribute(LANGUAGE, language);
                request.setAttribute(APPLICATION_PATH, context);
                request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, language);
                chain.doFilter(new PrefixedRequest(request, context, language, false), response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (read && LanguageUrls.isPage(path)) {
            String page = urls.startsWithOtherLanguage(path) ? path.substring(3) : path;
            Locale chosen = choice(request, response).orElseGet(() -> resolver.resolveLocale(request));
            response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
            redirect(request, response, context + LanguageUrls.prefixed(chosen, page.isEmpty() ? "/" : page) + query(request));
            return;
        }
        if (path.startsWith("/api/")) {
            // the API's language is the URL's too: ?lang= for this request only, never a cookie; a language the
            // site does not offer falls back to the base language (the URL alone still decides, so caches stay right)
            String code = request.getParameter(PARAMETER);
            if (code != null) {
                Locale language = languages.byCode(code).orElse(SupportedLanguages.BASE);
                request.setAttribute(PageLanguage.QUERY_LANGUAGE, language);
                request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, language);
            }
        }
        chain.doFilter(request, response);
    }

    /** The error page of a prefixed request: in its language, its links under its prefix. */
    private static void errorPage(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(LANGUAGE) instanceof Locale language && request.getAttribute(APPLICATION_PATH) instanceof String context) {
            chain.doFilter(new PrefixedRequest(request, context, language, true), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A supported {@code ?lang=}, remembered in the cookie: the reader chose it. */
    private Optional<Locale> choice(HttpServletRequest request, HttpServletResponse response) {
        Optional<Locale> chosen = languages.byCode(request.getParameter(PARAMETER));
        chosen.ifPresent(locale -> resolver.setLocale(request, response, locale));
        return chosen;
    }

    private void redirect(HttpServletRequest request, HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, location);
        headers.forEach(writer -> writer.writeHeaders(request, response));
    }

    /** The query string without {@code lang}, with its {@code ?}; empty when nothing is left. */
    static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals(PARAMETER) && !pair.startsWith(PARAMETER + "="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : "?" + kept;
    }

    /**
     * The request as the application sees it under a prefix: the context path ends with the language. In an error
     * dispatch the request URI ({@code /error}) gets the prefix too, so that it still starts with the context path.
     */
    private static final class PrefixedRequest extends HttpServletRequestWrapper {

        private final String contextPath;
        private final String requestUri;
        private final String servletPath;

        PrefixedRequest(HttpServletRequest request, String context, Locale language, boolean errorDispatch) {
            super(request);
            String prefix = "/" + language.getLanguage();
            this.contextPath = context + prefix;
            String uri = request.getRequestURI();
            this.requestUri = errorDispatch ? contextPath + uri.substring(context.length()) : uri;
            String servlet = request.getServletPath();
            this.servletPath = !errorDispatch && servlet.startsWith(prefix) ? servlet.substring(prefix.length()) : servlet;
        }

        @Override
        public String getContextPath() {
            return contextPath;
        }

        @Override
        public String getRequestURI() {
            return requestUri;
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }
    }
}
