package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TcpProxy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 8, finding 5: while the database is unreachable, pages answer 503 with Retry-After within 2 s (in the
 * reader's language), signing answers 503 (the API's JSON error) instead of hanging, health and readiness turn DOWN
 * within 5 s while liveness stays UP, and all is well again within 5 s of the database's return. Runs an
 * application of its own whose database connection passes through a proxy the test cuts: the suite's PostgreSQL
 * when SPRING_DATASOURCE_URL names one, else an H2 server in this JVM.
 */
class DatabaseOutageTest {

    private static final String SIGN = "/api/v1/appeals/global-week-of-action/signatures";
    /** A page read from the database on every view (appeal pages may be answered from a few seconds of cache). */
    private static final String PAGE = "/en/organizations/999999999";

    @Test
    void whileTheDatabaseIsAwayRequestsGetA503AtOnceAndHealthSaysSo() throws Exception {
        String suiteDatabase = System.getenv("SPRING_DATASOURCE_URL");
        boolean postgres = suiteDatabase != null && suiteDatabase.startsWith("jdbc:postgresql:");
        Server h2 = postgres ? null : Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        URI target = URI.create(postgres ? suiteDatabase.substring("jdbc:".length()) : "h2://127.0.0.1:" + h2.getPort());
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort())) {
            String url = postgres
                    ? "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                    : "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:outage-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SolidarityHubApplication.class)
                    .properties("app.demo=true", "spring.main.banner-mode=off", "app.base-url=http://hub.test")
                    .run("--server.port=0", "--spring.datasource.url=" + url)) {
                Browser browser = new Browser(browserBase(app));
                assertThat(browser.get("/actuator/health").status()).isEqualTo(200);
                assertThat(browser.get(PAGE).status()).isEqualTo(404);

                proxy.cut();

                Browser.Page page = timed(Duration.ofSeconds(2), () -> browser.acceptLanguage("uk").get(PAGE.replace("/en/", "/uk/")));
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.header("Retry-After")).isPresent();
                assertThat(page.text("h1")).isEqualTo("Тимчасово недоступно");
                // many at once: none waits for the pool behind the others
                long burst = System.nanoTime();
                List<CompletableFuture<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    statuses.add(CompletableFuture.supplyAsync(() -> new Browser(browserBase(app)).get(PAGE).status()));
                }
                assertThat(statuses.stream().map(CompletableFuture::join).toList()).containsOnly(503);
                assertThat(Duration.ofNanos(System.nanoTime() - burst)).as("16 requests at once").isLessThan(Duration.ofSeconds(3));
                // a staff member's session is in the database too: their pages answer the same
                String session = java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                Browser.Page staffPage = timed(Duration.ofSeconds(2), () -> browser.get("/staff", "Cookie", "JSESSIONID=" + session));
                assertThat(staffPage.status()).isEqualTo(503);
                assertThat(staffPage.header("Retry-After")).isPresent();
                Browser.Page signed = timed(Duration.ofSeconds(5), () -> browser.postRaw(SIGN, "application/json", signature()));
                assertThat(signed.status()).isEqualTo(503);
                assertThat(signed.header("Retry-After")).isPresent();
                assertThat(signed.body()).as("the API's JSON error").contains("\"status\":503").contains("Тимчасово недоступно");
                assertThat(timed(Duration.ofSeconds(5), () -> browser.get("/actuator/health")).status()).isEqualTo(503);
                assertThat(browser.get("/actuator/health/readiness").status()).isEqualTo(503);
                assertThat(browser.get("/actuator/health/liveness").status()).isEqualTo(200);

                proxy.restore();

                long restored = System.nanoTime();
                while (browser.get("/actuator/health").status() != 200) {
                    assertThat(Duration.ofNanos(System.nanoTime() - restored)).as("health UP again").isLessThan(Duration.ofSeconds(5));
                    Thread.sleep(100);
                }
                assertThat(browser.get("/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(browser.get(PAGE).status()).isEqualTo(404);
                assertThat(browser.postRaw(SIGN, "application/json", signature()).status()).isEqualTo(202);
            }
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    private static String browserBase(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    private static byte[] signature() {
        return """
                {"kind":"INDIVIDUAL","name":"Olena K.","email":"outage-%s@example.org","country":"BE","city":"Brussels",\
                "display":"FULL_NAME","comment":"","updates":false,"language":"en"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)).getBytes(StandardCharsets.UTF_8);
    }

    private static Browser.Page timed(Duration limit, Supplier<Browser.Page> request) {
        long start = System.nanoTime();
        Browser.Page page = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered in time: " + page.uri()).isLessThanOrEqualTo(limit);
        return page;
    }
}
