package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The events pages under each language prefix, and the management link mailed before and after the prefixes. */
class EventLanguageUrlsTest extends WebTest {

    private static final String BASE = "http://hub.test";

    @Autowired
    Campaigns campaigns;

    @Autowired
    SupportedLanguages languages;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    @Test
    void eachLanguageHasItsOwnUrlForTheEventPagesOfACampaign() {
        String query = "?campaign=" + campaign.slug();
        for (var language : languages.all()) {
            String code = language.getLanguage();
            for (String page : List.of("/events", "/events/calendar", "/events/new", "/embed/events")) {
                Browser.Page shown = anotherBrowser().acceptLanguage("xx").get("/" + code + page + query);
                assertThat(shown.status()).as(code + page).isEqualTo(200);
                assertThat(shown.doc().selectFirst("html").attr("lang")).as(code + page).isEqualTo(code);
                assertThat(shown.setCookies()).as(code + page).noneMatch(c -> c.startsWith("lang=")); // no language cookie without a choice
                assertThat(shown.doc().select("link[rel=canonical]").attr("href")).as(code + page)
                        .isEqualTo(BASE + "/" + code + page + query);
            }
        }
        Browser.Page english = browser.get("/en/events" + query);
        assertThat(english.text("h1")).contains("Test week of action");
        Browser.Page ukrainian = browser.get("/uk/events" + query);
        assertThat(ukrainian.text("h1")).contains("Тестовий тиждень дій");
    }

    @Test
    void theEmbeddedListLinksToEventPagesInItsOwnLanguage() {
        Browser.Page embed = browser.get("/uk/embed/events?campaign=" + campaign.slug());

        assertThat(embed.doc().select("main > p a").attr("href")).startsWith(BASE + "/uk/events?campaign=" + campaign.slug());
    }

    @Test
    void aNewManagementLinkCarriesTheSubmittersLanguageAndAnOldOneStillOpensThePage() {
        String email = uniqueEmail("organizer");
        Browser ukrainian = anotherBrowser().from(uniqueIp());
        Browser.Page form = ukrainian.get("/uk/events/new?campaign=" + campaign.slug());
        Browser.Page sent = ukrainian.submit(form, "form.event-form", EventsFixture.brussels(EventsFixture.title("Мир"), email));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/uk/events/submitted");

        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        String link = EventsFixture.link(mail, BASE + "/uk/events/manage/").substring(BASE.length());
        Browser.Page manage = anotherBrowser().get(link);
        assertThat(manage.status()).isEqualTo(200);
        assertThat(manage.doc().selectFirst("html").attr("lang")).isEqualTo("uk");

        // the same link as mails carried it before the prefixes: one redirect, by the reader's language
        Browser english = anotherBrowser().acceptLanguage("en");
        Browser.Page old = english.get(link.substring("/uk".length()));
        assertThat(old.status()).isEqualTo(302);
        assertThat(old.location()).isEqualTo("/en" + link.substring("/uk".length()));
        assertThat(old.header("vary")).contains("Cookie, Accept-Language");
        Browser.Page opened = english.get(old.location());
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.doc().selectFirst("html").attr("lang")).isEqualTo("en");
    }
}
