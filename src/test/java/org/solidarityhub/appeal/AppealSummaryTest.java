package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.Markdown;

/** The summary under the appeal's title: its call (a paragraph wholly in bold), else its first paragraph. */
class AppealSummaryTest {

    final Markdown markdown = new Markdown();

    @Test
    void theCallWrittenInBoldIsTheSummary() {
        String body = "# Heading\n\nA year of war.\n\n- a list\n\n**We call for a global week of action.**\n\n- **Peace!**";
        assertThat(AppealSummary.of(body, markdown, 220)).isEqualTo("We call for a global week of action.");
    }

    @Test
    void withoutACallTheFirstParagraphOfRunningTextIsTheSummaryWithoutItsMarkup() {
        String body = "## Why\n\n> a quote\n\nWe call for **solidarity** and [peace](https://example.org).\n\nMore.";
        assertThat(AppealSummary.of(body, markdown, 220)).isEqualTo("We call for solidarity and peace.");
        // a paragraph that only starts in bold is no call
        assertThat(AppealSummary.of("**Friends**, sign this.\n\nMore.", markdown, 220)).isEqualTo("Friends, sign this.");
        assertThat(AppealSummary.of("", markdown, 220)).isEmpty();
        assertThat(AppealSummary.of("# Only a heading", markdown, 220)).isEmpty();
    }

    @Test
    void aLongSummaryIsCutAtASentenceOrAWordEnd() {
        assertThat(AppealSummary.shorten("One sentence here. Another one that is far too long to fit.", 30))
                .isEqualTo("One sentence here.");
        assertThat(AppealSummary.shorten("A very long sentence without any stop in it at all", 20)).isEqualTo("A very long…");
        assertThat(AppealSummary.shorten("Short.", 20)).isEqualTo("Short.");
    }
}
