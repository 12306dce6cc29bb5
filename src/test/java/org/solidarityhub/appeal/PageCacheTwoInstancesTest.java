package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.SolidarityHubApplication;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the app on one database, each with its own page cache and the default version memo of one
 * second: a change made through one is shown by the other within that second, never later (docs/caching.md).
 */
class PageCacheTwoInstancesTest {

    private static final Duration MEMO = Duration.ofSeconds(1);

    @Test
    void aChangeMadeThroughOneInstanceIsShownByTheOtherWithinTheVersionMemo() throws Exception {
        try (ConfigurableApplicationContext one = start(); ConfigurableApplicationContext two = start()) {
            Appeals appealsOfOne = one.getBean(Appeals.class);
            String slug = "two-" + UUID.randomUUID().toString().substring(0, 13);
            Appeal appeal = appealsOfOne.create(slug, "en", null, "First title " + slug, "Text.", "test");
            Browser reader = new Browser(base(two));
            String path = "/api/v1/appeals/" + slug;
            assertThat(reader.get(path).body()).contains("First title " + slug);
            Browser.Page kept = reader.get(path);
            assertThat(kept.header("X-Cache")).as("kept by the second instance").contains("HIT");

            appealsOfOne.revise(appeal.id(), "en", "Second title " + slug, "Text.", null, "test");
            long changed = System.nanoTime();

            String seen;
            do {
                seen = new Browser(base(two)).get(path).body().contains("Second title") ? "Second" : "First";
                Duration waited = Duration.ofNanos(System.nanoTime() - changed);
                assertThat(waited).as("the second instance still shows the old title").isLessThan(MEMO.plusMillis(1500));
                if (!seen.startsWith("Second")) {
                    Thread.sleep(50);
                }
            } while (!seen.startsWith("Second"));
            assertThat(new Browser(base(one)).get(path).body()).contains("Second title " + slug);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SolidarityHubApplication.class).profiles("test")
                .properties("spring.main.banner-mode=off")
                .run("--server.port=0", "--app.pages.version-memo=" + MEMO.toMillis() + "ms",
                        "--spring.mail.port=" + TestMailServer.port());
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
