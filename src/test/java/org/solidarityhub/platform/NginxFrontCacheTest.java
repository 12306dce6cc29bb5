package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.Nginx;
import org.solidarityhub.test.TcpProxy;
import org.solidarityhub.test.WebTest;

/**
 * The shipped nginx configuration (deploy/nginx/solidarityhub.conf) in front of the running app, through a TCP proxy
 * the test can cut as if the app were down. The app's answers come from {@link FrontCacheProbe}, which counts the
 * requests that reach it and answers as a cacheable page does.
 */
class NginxFrontCacheTest extends WebTest {

    @Autowired ApplicationContext context;

    private TcpProxy app;
    private Nginx nginx;
    private Browser reader;

    @BeforeEach
    void nginxInFrontOfTheApp() throws Exception {
        Nginx.require();
        app = new TcpProxy("127.0.0.1", port);
        nginx = Nginx.inFrontOf(app.port());
        reader = new Browser(nginx.base());
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void servesAPublicPageFromItsCacheWithoutAskingTheAppAgain() {
        String path = probe("page");
        Browser.Page first = reader.get(path, "Accept-Encoding", "gzip");
        Browser.Page second = reader.get(path, "Accept-Encoding", "gzip");

        assertThat(first.status()).as(nginx.log()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("x-cache-status")).contains("HIT");
        assertThat(second.header("etag")).isEqualTo(first.header("etag"));
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void keepsOneCompressedCopyForClientsWithAndWithoutGzip() {
        String path = probe("page");
        Browser.Page plain = reader.get(path);
        Browser.Page compressed = reader.get(path, "Accept-Encoding", "gzip, deflate, br");
        Browser.Page plainAgain = reader.get(path);

        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(1);
        assertThat(FrontCacheProbe.encodingAsked(path)).isEqualTo("gzip");
        assertThat(plain.header("content-encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo("page " + name(path) + " answer 1");
        assertThat(compressed.header("content-encoding")).contains("gzip");
        assertThat(plainAgain.body()).isEqualTo(plain.body());
    }

    @Test
    void answersARevalidationFromItsCacheWith304() {
        String path = probe("page");
        String etag = reader.get(path, "Accept-Encoding", "gzip").header("etag").orElseThrow();

        Browser.Page again = reader.get(path, "Accept-Encoding", "gzip", "If-None-Match", etag);

        assertThat(again.status()).isEqualTo(304);
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void passesStaffPagesThroughEvenWhenTheAppCallsThemCacheable() {
        String path = FrontCacheProbe.STAFF_PATH + UUID.randomUUID();
        Browser.Page direct = new Browser("http://127.0.0.1:" + port).get(path);
        assertThat(direct.header("cache-control").orElse("")).as("the probe's answer").contains("public").contains("max-age=60");

        reader.get(path);
        Browser.Page second = reader.get(path);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).endsWith("answer 3");
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(3);
    }

    @Test
    void passesPostsThroughToTheAppWhileTheSameAddressIsCached() {
        String path = probe("page");
        reader.get(path);
        reader.get(path);

        Browser.Page posted = reader.postRaw(path, "text/plain", new byte[0]);
        Browser.Page postedAgain = reader.postRaw(path, "text/plain", new byte[0]);

        assertThat(posted.body()).isEqualTo("posted " + name(path) + " answer 1");
        assertThat(postedAgain.body()).isEqualTo("posted " + name(path) + " answer 2");
        assertThat(FrontCacheProbe.requests("POST", path)).isEqualTo(2);
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void neverStoresAResponseThatSetsACookie() {
        String path = probe("cookie");
        reader.get(path);
        Browser.Page second = anotherReader().get(path);

        assertThat(second.setCookies()).containsExactly("probe=2; Path=/; HttpOnly; SameSite=Lax");
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(2);
    }

    @Test
    void neverStoresAResponseThatVariesOnTheLanguage() {
        String path = probe("language");
        reader.get(path);
        anotherReader().acceptLanguage("uk").get(path);

        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(2);
    }

    @Test
    void storesAFeedOnceForReadersOfEveryLanguageSinceItsUrlNamesItsLanguage() {
        String feed = "/api/v1/campaigns/" + EventsFixture.newCampaignSlug(context) + "/events.atom";
        Browser.Page first = reader.get(feed);
        Browser.Page second = anotherReader().acceptLanguage("uk").get(feed, "Cookie", "lang=uk");
        Browser.Page ukrainian = anotherReader().get(feed + "?lang=uk");

        assertThat(first.status()).as(nginx.log()).isEqualTo(200);
        assertThat(second.header("x-cache-status")).contains("HIT");
        assertThat(second.body()).isEqualTo(first.body()).contains("Test week of action");
        assertThat(ukrainian.header("x-cache-status")).contains("MISS");
        assertThat(ukrainian.body()).contains("Тестовий тиждень дій");
        assertThat(anotherReader().get(feed + "?lang=uk").header("x-cache-status")).contains("HIT");
    }

    @Test
    void neverServesAStaffMembersPublicPagesFromTheCacheNorStoresThem() {
        String path = probe("page");
        reader.get(path, "Cookie", "JSESSIONID=someone");
        reader.get(path, "Cookie", "JSESSIONID=someone");
        Browser.Page anonymous = anotherReader().get(path);

        assertThat(anonymous.body()).endsWith("answer 3");
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(3);
    }

    @Test
    void servesTheLastCopyWhileTheAppIsDown() throws Exception {
        String path = probe("short"); // cacheable for 1 s
        Browser.Page cached = reader.get(path, "Accept-Encoding", "gzip");
        assertThat(cached.status()).as(nginx.log()).isEqualTo(200);

        app.cut();
        Thread.sleep(2_500); // nginx counts lifetimes in whole seconds
        Browser.Page whileDown = anotherReader().get(path);
        Browser.Page stillDown = anotherReader().get(path);

        assertThat(whileDown.status()).as(nginx.log()).isEqualTo(200);
        assertThat(whileDown.header("x-cache-status").orElse("")).as("the copy has expired").isIn("STALE", "UPDATING");
        assertThat(whileDown.body()).isEqualTo("page " + name(path) + " answer 1");
        assertThat(stillDown.status()).as(stillDown.header("x-cache-status").orElse("")).isEqualTo(200);
        assertThat(stillDown.body()).isEqualTo(whileDown.body());
        assertThat(FrontCacheProbe.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void tellsTheAppTheClientsAddressAndTheAddressItWasAskedAt() {
        Browser neighbour = Browser.bound(nginx.base(), "127.0.0.2");

        Browser.Page client = neighbour.get(probe("page") + "/client");

        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body()).contains("\"address\":\"127.0.0.2\"").contains("\"scheme\":\"http\"")
                .contains("\"host\":\"127.0.0.1\"").contains("\"port\":" + nginx.port());
    }

    private Browser anotherReader() {
        return new Browser(nginx.base());
    }

    private static String probe(String kind) {
        return FrontCacheProbe.PATH + kind + "-" + UUID.randomUUID();
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
