package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

/**
 * The page cache through HTTP on the running app, with a page that counts its renders ({@link PageCacheProbe}):
 * validators, 304 without rendering, kept bytes per version, gzip, what is never kept, and its byte bound.
 */
class PageCacheTest extends WebTest {

    @Autowired
    PageCacheProbe probe;

    @Autowired
    PageBytes bytes;

    @Autowired
    PlatformProperties properties;

    /** A URL of its own per test, so kept pages of one test never answer another. */
    String path;

    @BeforeEach
    void aPageOfItsOwn() {
        path = "/en" + PageCacheProbe.PATH + "/text?test=" + UUID.randomUUID();
    }

    @Test
    void answersIfNoneMatchWithNotModifiedWithoutRenderingThePage() {
        Browser.Page first = browser.get(path);
        String etag = first.header("ETag").orElseThrow();
        int renders = probe.renders.get();

        Browser.Page again = browser.get(path, "If-None-Match", etag);

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).contains(etag);
        assertThat(again.header("Cache-Control").orElseThrow()).contains("max-age=");
        assertThat(probe.renders.get()).isEqualTo(renders);
        // a weak comparison, and a list of tags, as caches send them
        assertThat(browser.get(path, "If-None-Match", "\"other\", W/" + etag).status()).isEqualTo(304);
        assertThat(browser.get(path, "If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void answersIfModifiedSinceWithNotModifiedWithoutRenderingThePage() {
        Browser.Page first = browser.get(path);
        String lastModified = first.header("Last-Modified").orElseThrow();
        assertThat(lastModified).isEqualTo("Sun, 01 Nov 2026 10:00:00 GMT");
        int renders = probe.renders.get();

        assertThat(browser.get(path, "If-Modified-Since", lastModified).status()).isEqualTo(304);
        Browser.Page older = browser.get(path, "If-Modified-Since", "Sun, 01 Nov 2026 09:59:59 GMT");
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.header("X-Cache")).contains("HIT");
        assertThat(browser.get(path, "If-Modified-Since", "not a date").status()).isEqualTo(200);
        assertThat(probe.renders.get()).as("the full answers came from the kept bytes").isEqualTo(renders);
    }

    @Test
    void servesTheKeptBytesWithoutRenderingUntilTheVersionChanges() {
        Browser.Page first = browser.get(path);
        assertThat(first.header("X-Cache")).contains("MISS");
        int renders = probe.renders.get();

        Browser.Page second = anotherBrowser().get(path);
        assertThat(second.header("X-Cache")).contains("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(probe.renders.get()).isEqualTo(renders);

        probe.version.set("2");
        try {
            Browser.Page changed = anotherBrowser().get(path, "If-None-Match", first.header("ETag").orElseThrow());
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).startsWith("version 2");
            assertThat(changed.header("ETag")).isNotEqualTo(first.header("ETag"));
            assertThat(probe.renders.get()).isEqualTo(renders + 1);
        } finally {
            probe.version.set("1");
        }
    }

    @Test
    void givesEachLanguageItsOwnBytesAndValidatorAndVariesOnTheEncodingOnly() {
        Browser.Page english = anotherBrowser().acceptLanguage("en").get("/en/privacy");
        Browser.Page ukrainian = anotherBrowser().acceptLanguage("uk").get("/uk/privacy");

        assertThat(english.header("ETag")).isNotEqualTo(ukrainian.header("ETag"));
        assertThat(english.doc().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(ukrainian.doc().selectFirst("html").attr("lang")).isEqualTo("uk");
        assertThat(anotherBrowser().acceptLanguage("uk").get("/uk/privacy").body()).isEqualTo(ukrainian.body());
        // the URL carries the language: the response varies on the encoding only
        assertThat(english.header("Vary").orElseThrow()).isEqualTo("Accept-Encoding");
        assertThat(english.header("Cache-Control").orElseThrow()).startsWith("public, max-age=");
    }

    @Test
    void sendsGzipToClientsThatTakeItAndTheSameTextUnzipped() throws Exception {
        for (String page : new String[] {path, "/en/privacy", "/en/"}) {
            HttpResponse<byte[]> plain = raw(page, null);
            HttpResponse<byte[]> gzipped = raw(page, "gzip, deflate, br");

            assertThat(plain.headers().firstValue("Content-Encoding")).as(page).isEmpty();
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(page).contains("gzip");
            assertThat(gzipped.headers().firstValue("Vary").orElseThrow()).as(page).contains("Accept-Encoding");
            assertThat(gzipped.body().length).as(page).isLessThan(plain.body().length);
            assertThat(gunzip(gzipped.body())).as(page).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
            assertThat(gzipped.headers().firstValue("ETag")).as(page).isNotEqualTo(plain.headers().firstValue("ETag"));
            // no gzip for a client that refuses it
            assertThat(raw(page, "gzip;q=0, identity").headers().firstValue("Content-Encoding")).as(page).isEmpty();
            // one kept entry serves both encodings
            assertThat(raw(page, "gzip").headers().firstValue("X-Cache")).as(page).contains("HIT");
            assertThat(raw(page, null).headers().firstValue("X-Cache")).as(page).contains("HIT");
        }
    }

    @Test
    void compressesTheTextResponsesItDoesNotKeepToo() throws Exception {
        String css = browser.get("/en/").doc().select("link[rel=stylesheet]").attr("href");
        for (String other : new String[] {css, "/webjars/leaflet/1.9.4/dist/leaflet.js", "/api/openapi.yaml"}) {
            HttpResponse<byte[]> plain = raw(other, null);
            HttpResponse<byte[]> gzipped = raw(other, "gzip");
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(other).contains("gzip");
            assertThat(gunzip(gzipped.body())).as(other).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        }
        // a staff page (its sign-in form carries a token of its own per request)
        HttpResponse<byte[]> signIn = raw("/staff/login", "gzip");
        assertThat(signIn.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(signIn.body())).contains("<form");
    }

    @Test
    void replaysTheSecurityHeadersOfTheRenderedPageAndNeverItsCookies() {
        Browser.Page rendered = anotherBrowser().get("/en/privacy?replay=" + UUID.randomUUID());
        Browser.Page kept = anotherBrowser().get(rendered.uri().getPath() + "?" + rendered.uri().getQuery());

        assertThat(kept.header("X-Cache")).contains("HIT");
        for (String header : new String[] {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "Referrer-Policy", "Permissions-Policy", "Content-Type"}) {
            assertThat(kept.header(header)).as(header).isPresent().isEqualTo(rendered.header(header));
        }
        assertThat(kept.setCookies()).isEmpty();
    }

    @Test
    void neverKeepsAResponseThatSetsACookie() {
        String withCookie = path + "&cookie=yes";
        int renders = probe.renders.get();
        Browser.Page first = anotherBrowser().get(withCookie);
        Browser.Page second = anotherBrowser().get(withCookie);

        assertThat(first.setCookies()).hasSize(1);
        assertThat(second.setCookies()).hasSize(1);
        assertThat(second.header("X-Cache")).isEmpty();
        assertThat(second.header("Cache-Control").orElseThrow()).startsWith("private");
        assertThat(probe.renders.get()).isEqualTo(renders + 2);
    }

    @Test
    void neverKeepsAnErrorAndNeverLetsAServerErrorBeCached() {
        int renders = probe.renders.get();
        for (int i = 0; i < 2; i++) {
            Browser.Page failed = anotherBrowser().get(path + "&status=503");
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.header("Cache-Control")).contains("no-store");
            assertThat(failed.header("ETag")).isEmpty();

            Browser.Page missing = anotherBrowser().get(path + "&status=404");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("Cache-Control")).contains("public, max-age=" + properties.pages().missingMaxAge().toSeconds());
            assertThat(missing.header("X-Cache")).isEmpty();
        }
        assertThat(probe.renders.get()).isEqualTo(renders + 4);
        // the 404 of a real page (an event that does not exist) the same way
        Browser.Page noEvent = anotherBrowser().get("/en/events/999999999");
        assertThat(noEvent.status()).isEqualTo(404);
        assertThat(noEvent.header("Cache-Control").orElse("")).doesNotContain("stale");
    }

    @Test
    void pagesBehindEmailedTokensAndEveryPostResultAreNeverStored() {
        for (String page : new String[] {"/en/appeal/confirm/" + "x".repeat(43), "/en/appeal/withdraw/" + "x".repeat(43),
                "/en/events/manage/" + "x".repeat(43)}) {
            Browser.Page answer = anotherBrowser().get(page);
            assertThat(answer.header("Cache-Control")).as(page).contains("private, no-store");
            assertThat(answer.header("ETag")).as(page).isEmpty();
        }
        Browser.Page posted = anotherBrowser().post("/events/new", Map.of("title", "x"));
        assertThat(posted.header("Cache-Control").orElseThrow()).as("a POST result").contains("no-store");
    }

    @Test
    void keepsNoMoreBytesThanItsBound() {
        PlatformProperties.Pages small = new PlatformProperties.Pages(DataSize.ofKilobytes(200), properties.pages().versionMemo(),
                properties.pages().liveMaxAge(), properties.pages().liveStale(), properties.pages().staticMaxAge(),
                properties.pages().staticStale(), properties.pages().staleIfError(), properties.pages().missingMaxAge());
        PageBytes bounded = new PageBytes(new PlatformProperties(properties.baseUrl(), properties.dataDir(), properties.demo(),
                properties.mail(), properties.trustedProxies(), small, properties.limits(), properties.shutdownDelay()), emptyProvider());
        byte[] text = "Peace for Ukraine. ".repeat(1_000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 100; i++) {
            bounded.put("/page/" + i, new RenderedPage("\"" + i + "\"", text, Encodings.gzip(text), java.util.List.of()));
            assertThat(bounded.bytes()).isLessThanOrEqualTo(DataSize.ofKilobytes(200).toBytes());
        }
        assertThat(bounded.bytes()).as("it keeps what fits").isGreaterThan(DataSize.ofKilobytes(100).toBytes());
        // and the application's own cache holds to its bound (64 MB by default)
        assertThat(bytes.bytes()).isPositive().isLessThanOrEqualTo(properties.pages().cacheSize().toBytes());
    }

    private static <T> ObjectProvider<T> emptyProvider() {
        return new ObjectProvider<>() {
            @Override
            public T getObject() {
                throw new IllegalStateException("none");
            }

            @Override
            public T getObject(Object... args) {
                throw new IllegalStateException("none");
            }

            @Override
            public T getIfAvailable() {
                return null;
            }

            @Override
            public T getIfUnique() {
                return null;
            }
        };
    }

    private HttpResponse<byte[]> raw(String page, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + page)).header("Accept-Language", "en");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            return response;
        }
    }

    private static String gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
