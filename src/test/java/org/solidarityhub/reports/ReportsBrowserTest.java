package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link ReportsBrowserScenario} with the default media store, the local folder. */
class ReportsBrowserTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aNewUserSendsTwoPhotosAndALinkAndAModeratorPublishesOneThatShowsWithoutMetadata() throws Exception {
        MediaItem item = ReportsBrowserScenario.run(context, db, browser, port, "local", uniqueEmail("e2e-moderator"));

        assertThat(ReportsOnS3BrowserTest.localFile(item.name(Variant.WEB).orElseThrow()))
                .as("the published photo is in the local store's folder").isPresent();
    }
}
