package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class NewsDemoContentTest extends WebTest {

    @Autowired
    NewsDemoContent demo;

    @Test
    void theSeedTextsArePublishedPostsInTheirLanguageAndLoadingTwiceChangesNothing() {
        demo.load();
        assertThat(demo.load()).isZero();
        assertThat(browser.get("/en/news?tag=operation-solidarity").body()).contains("Operation Solidarity – Day 23");
        assertThat(browser.get("/en/news?tag=week-of-action").body()).contains("Week of action: February 24 — March 3")
                .contains("Brussels: against the Russian invasion");
        Browser.Page day23 = browser.get("/uk/news/operation-solidarity-day-23");
        assertThat(day23.status()).isEqualTo(200);
        assertThat(day23.doc().selectFirst("article").attr("lang")).isEqualTo("en");
        assertThat(day23.body()).contains("100 Israeli bulletproof vests").doesNotContain("Leave a Reply\n");
        assertThat(browser.get("/en/news/brussels-call").body()).contains("Koning Albert II Laan");
    }
}
