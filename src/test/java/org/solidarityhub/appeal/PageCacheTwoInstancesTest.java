package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.Nodes;
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
            Browser reader = new Browser(Nodes.base(two));
            String path = "/api/v1/appeals/" + slug;
            assertThat(reader.get(path).body()).contains("First title " + slug);
            Browser.Page kept = reader.get(path);
            assertThat(kept.header("X-Cache")).as("kept by the second instance").contains("HIT");

            appealsOfOne.revise(appeal.id(), "en", "Second title " + slug, "Text.", null, "test");
            Nodes.seenWithin(MEMO.plusMillis(1500), "the second instance still shows the old title",
                    () -> new Browser(Nodes.base(two)).get(path).body().contains("Second title"));
            assertThat(new Browser(Nodes.base(one)).get(path).body()).contains("Second title " + slug);
        }
    }

    private static ConfigurableApplicationContext start() {
        return Nodes.start("app.pages.version-memo=" + MEMO.toMillis() + "ms");
    }
}
