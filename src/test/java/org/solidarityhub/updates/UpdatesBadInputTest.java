package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.platform.Tokens;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;

/** Every kind of bad input to the updates gets a clear answer in the reader's language: never a 500. */
class UpdatesBadInputTest extends UpdatesTestSupport {

    private Browser.Page subscribe(Browser reader, String language, String email) {
        Browser.Page form = reader.get("/" + language + "/news/subscribe");
        return reader.submit(form, "form.subscribe-form", Map.of("email", email));
    }

    @Test
    void aSubscriptionWithAMissingTooLongMalformedOrInvisibleCharacterAddressComesBackWithTheReasonAtTheField() {
        Browser reader = anotherBrowser().from(uniqueIp());
        Browser.Page empty = subscribe(reader, "en", "  ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("#u-email-error")).isEqualTo("Please fill in this field.");
        Browser.Page malformed = subscribe(anotherBrowser().from(uniqueIp()), "uk", "not-an-address");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("#u-email-error")).isEqualTo("Будь ласка, вкажіть правильну електронну адресу.");
        assertThat(malformed.doc().selectFirst("#u-email").val()).isEqualTo("not-an-address");
        Browser.Page tooLong = subscribe(anotherBrowser().from(uniqueIp()), "en", "a".repeat(250) + "@example.org");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("#u-email-error")).isEqualTo("Please keep this under 254 characters.");
        Browser.Page control = subscribe(anotherBrowser().from(uniqueIp()), "en", "a\u0007b@example.org");
        assertThat(control.status()).isEqualTo(400);
        // screened before the form is read (platform.InputScreeningFilter), with the reason
        assertThat(control.text("p.lead")).contains("invisible control characters");
    }

    @Test
    void aBotThatFillsTheHoneypotSeesSuccessAndNothingIsStoredOrMailed() {
        String email = uniqueEmail("bot");
        Browser bot = anotherBrowser().from(uniqueIp());
        Browser.Page form = bot.get("/en/news/subscribe");
        Browser.Page answer = bot.submit(form, "form.subscribe-form", Map.of("email", email, "homepage", "http://spam.example"));
        assertThat(answer.location()).endsWith("/news/subscribe/sent");
        assertThat(db.sql("SELECT COUNT(*) FROM news_subscriber WHERE email_hash = :h").param("h", EmailKey.hash(email))
                .query(Long.class).single()).isZero();
    }

    @Test
    void tooManySubscriptionsFromOneAddressAreRefusedWith429InTheReadersLanguage() {
        String ip = uniqueIp();
        for (int i = 0; i < 5; i++) {
            assertThat(subscribe(anotherBrowser().from(ip), "uk", uniqueEmail("many")).isRedirect()).isTrue();
        }
        Browser.Page refused = subscribe(anotherBrowser().from(ip), "uk", uniqueEmail("many"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Забагато підписок");
    }

    @Test
    void subscribingTwiceMailsOneConfirmationPerRequestAndAConfirmedAddressIsNotMailedAgain() {
        String email = uniqueEmail("twice");
        subscribe("en", email);
        assertThat(subscribe(anotherBrowser().from(uniqueIp()), "en", email).location()).endsWith("/news/subscribe/sent");
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", email).query(Long.class).single())
                .as("the page says the same; no second mail to a confirmed address").isEqualTo(1);
    }

    @Test
    void forgedMalformedOrUsedLinksGetTheOneAnswerForEveryLinkThatDoesNotWork() {
        Browser reader = anotherBrowser();
        for (String path : new String[]{"/en/news/subscribe/confirm/" + Tokens.newToken(), "/en/news/subscribe/confirm/x",
                "/en/news/unsubscribe/" + Tokens.newToken(), "/en/news/unsubscribe/short", "/uk/news/unsubscribe/" + "a".repeat(300)}) {
            Browser.Page get = reader.get(path);
            assertThat(get.status()).as(path).isEqualTo(404);
            Browser.Page post = reader.post(path, Map.of());
            assertThat(post.status()).as(path).isEqualTo(404);
        }
        assertThat(reader.get("/uk/news/unsubscribe/" + Tokens.newToken()).body()).contains("посилання");
    }

    @Test
    void aPostFromAnotherSiteToTheSubscribeFormIsRefusedButTheOneClickUnsubscribeIsNot() {
        Browser attacker = anotherBrowser().header("Sec-Fetch-Site", "cross-site");
        Browser.Page refused = attacker.post("/en/news/subscribe", Map.of("email", uniqueEmail("victim")));
        assertThat(refused.status()).isEqualTo(403);
        Browser.Page oneClick = attacker.postRaw("/en/news/unsubscribe/" + Tokens.newToken(), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        assertThat(oneClick.status()).as("not refused as cross-site: an unknown token's one answer").isEqualTo(404);
    }

    @Test
    void theStaffFormRefusesAMissingOrUnknownPostAMalformedOrUnknownAudienceADraftAndASecondSendWithTheReason() {
        Map<String, String[]> texts = new LinkedHashMap<>();
        texts.put("en", new String[]{"Bad input", "Text."});
        long post = publishedPost(texts);
        long draft = post(texts, "DRAFT");
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(alert(postUpdate(editor, "", "", "SUBSCRIBERS"))).isEqualTo("Please choose a post.");
        assertThat(alert(postUpdate(editor, "", "12abc", "SUBSCRIBERS"))).isEqualTo("Please choose a post.");
        assertThat(alert(postUpdate(editor, "/test", "999999999999", "SUBSCRIBERS"))).isEqualTo("Please choose a post.");
        assertThat(postUpdate(editor, "/test", String.valueOf(post), "SUBSCRIBERS").isRedirect()).isTrue();
        for (String audience : new String[]{"", "EVERYONE", "APPEAL:", "APPEAL:x", "APPEAL:999999999", "CAMPAIGN:999999999",
                "SUBSCRIBERS:1", "APPEAL:-1"}) {
            assertThat(alert(postUpdate(editor, "", String.valueOf(post), audience))).as(audience).isEqualTo("Please choose an audience.");
        }
        assertThat(postUpdate(editor, "/test", String.valueOf(draft), "SUBSCRIBERS").isRedirect()).isTrue();
        assertThat(alert(postUpdate(editor, "", String.valueOf(draft), "SUBSCRIBERS"))).startsWith("Only a published post");
        assertThat(postUpdate(editor, "", String.valueOf(post), "SUBSCRIBERS").isRedirect()).isTrue();
        assertThat(alert(postUpdate(editor, "", String.valueOf(post), "SUBSCRIBERS")))
                .isEqualTo("This post was already sent to this audience.");
        assertThat(editor.get("/staff/news/updates/999999999").status()).isEqualTo(404);
        assertThat(editor.get("/staff/news/updates/abc").status()).isEqualTo(404);
    }

    @Test
    void onlyEditorsSendUpdatesAndOnlyAdminsExportTheSubscribersWithFormulasDefused() {
        Browser moderator = signedIn(member(StaffRole.MODERATOR));
        assertThat(moderator.get("/staff/news/updates").status()).isEqualTo(403);
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(editor.get("/staff/news/subscribers.csv").status()).isEqualTo(403);
        Browser.Page page = editor.get("/staff/news/updates");
        assertThat(editor.post("/staff/news/updates/test", Map.of("post", "1", "audience", "SUBSCRIBERS")).status())
                .as("no CSRF token").isEqualTo(403);
        assertThat(page.body()).doesNotContain("subscribers.csv");

        String formula = "=cmd-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        subscribe("en", formula);
        StaffFixture.Member admin = member(StaffRole.ADMIN);
        Browser.Page csv = signedIn(admin).get("/staff/news/subscribers.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFemail,language,subscribed_at,confirmed_at\r\n");
        assertThat(csv.body()).contains("\"'" + formula + "\",en,").doesNotContain("\r\n" + formula);
    }

    private static String alert(Browser.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        return page.text("p.alert");
    }
}
