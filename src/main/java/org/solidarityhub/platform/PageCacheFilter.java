package org.solidarityhub.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page cache, in front of Spring Security and every controller (docs/caching.md). For a GET of a declared
 * {@link PublicPage}: reads its version (memoized), answers a conditional request 304 at once, else serves the kept
 * bytes of that version (gzip when the client takes it), else lets the page render, keeps its bytes when they
 * belong to no one reader (200, no cookie set, no CSRF token read) and sends them with validators and a lifetime.
 * Every POST result and every page behind an emailed token is {@code private, no-store}.
 */
@Component
@Order(PageCacheFilter.ORDER)
class PageCacheFilter extends OncePerRequestFilter {

    /** After input screening (-200), before Spring Security (-100). */
    static final int ORDER = -140; // after LanguagePrefixFilter (-150): it sees the path without the prefix
    static final String X_CACHE = "X-Cache";

    private final PublicPages pages;
    private final PageBytes bytes;
    private final PageLanguage language;
    private final Lifetimes lifetimes;
    private final Deployment deployment;
    private final HeaderWriter hsts = SecurityConfiguration.hsts();

    /** Renders in progress per key and version: a burst of readers after a change waits for one rendering. */
    private final ConcurrentHashMap<String, CountDownLatch> rendering = new ConcurrentHashMap<>();

    PageCacheFilter(PublicPages pages, PageBytes bytes, PageLanguage language, Lifetimes lifetimes, Deployment deployment) {
        this.pages = pages;
        this.bytes = bytes;
        this.language = language;
        this.lifetimes = lifetimes;
        this.deployment = deployment;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean get = "GET".equals(request.getMethod());
        if (!get && !"HEAD".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, Lifetimes.NO_STORE); // a controller may say otherwise
            chain.doFilter(request, response);
            return;
        }
        Optional<PublicPages.Match> match = pages.match(request);
        if (match.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        PublicPage page = match.get().page();
        Locale shownIn = language.settle(request);
        // a staff member's session: their own page, rendered for them alone
        if (page.lifetime() == PublicPage.Lifetime.PRIVATE || request.getRequestedSessionId() != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, Lifetimes.NO_STORE);
            chain.doFilter(request, response);
            return;
        }
        Optional<PageVersion> version = pages.version(match.get());
        if (version.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request, shownIn);
        boolean gzip = Encodings.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        Validators validators = Validators.of(key, version.get(), deployment.version(), gzip);
        if (validators.notModified(request)) {
            headers(response, page, validators, false);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            bytes.countNotModified();
            return;
        }
        if (!page.kept() || !get) {
            render(request, response, chain, page, validators, null, gzip);
            return;
        }
        String shown = validators.plainEtag(); // one entry per version holds both encodings
        RenderedPage kept = bytes.get(key, shown);
        if (kept == null) {
            kept = awaitOtherRendering(key + shown, key, shown);
        }
        if (kept != null) {
            kept.replayHeaders(response);
            hsts.writeHeaders(request, response);
            headers(response, page, validators, false);
            response.setHeader(X_CACHE, "HIT");
            send(response, kept, gzip, get);
            return;
        }
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch other = rendering.putIfAbsent(key + shown, mine);
        try {
            render(request, response, chain, page, validators, key, gzip);
        } finally {
            if (other == null) {
                rendering.remove(key + shown, mine);
            }
            mine.countDown();
        }
    }

    /** The URL with its query and the language: what the kept bytes and the ETag are per. */
    private static String key(HttpServletRequest request, Locale shownIn) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query) + '|' + shownIn.toLanguageTag();
    }

    private @Nullable RenderedPage awaitOtherRendering(String renderingKey, String key, String etag) {
        CountDownLatch other = rendering.get(renderingKey);
        if (other == null) {
            return null;
        }
        try {
            if (other.await(10, TimeUnit.SECONDS)) {
                return bytes.get(key, etag);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Lets the page render into a buffer; keeps it under {@code keepAs} when it belongs to no one reader. */
    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, PublicPage page,
                        Validators validators, @Nullable String keepAs, boolean gzip) throws ServletException, IOException {
        BufferedResponse buffered = new BufferedResponse(response,
                status -> response.setHeader(HttpHeaders.CACHE_CONTROL, lifetimes.ofError(status)));
        CsrfTokenWatch watched = new CsrfTokenWatch(request);
        chain.doFilter(watched, buffered);
        if (buffered.passedOn()) {
            return;
        }
        byte[] body = buffered.body();
        if (response.getStatus() != HttpServletResponse.SC_OK) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, lifetimes.ofError(response.getStatus()));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        boolean personal = watched.tokenRead() || !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty();
        RenderedPage rendered = RenderedPage.of(validators.plainEtag(), body, response);
        if (keepAs != null && !personal) {
            bytes.put(keepAs, rendered);
            response.setHeader(X_CACHE, "MISS");
        }
        headers(response, page, validators, personal);
        send(response, rendered, gzip, "GET".equals(request.getMethod()));
    }

    private void headers(HttpServletResponse response, PublicPage page, Validators validators,
                         boolean personal) {
        response.setHeader(HttpHeaders.ETAG, validators.etag());
        if (validators.lastModified() != null) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, validators.lastModified().toEpochMilli());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, lifetimes.of(page.lifetime(), personal));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING); // the language is in the URL
    }

    private static void send(HttpServletResponse response, RenderedPage page, boolean gzip, boolean withBody) throws IOException {
        byte[] body = page.identity();
        if (gzip && page.gzip() != null) {
            body = page.gzip();
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        if (withBody) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
