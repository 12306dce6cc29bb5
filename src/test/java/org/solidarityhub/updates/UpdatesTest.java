package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Updates to supporters end to end, over real HTTP and SMTP: audiences, languages, test first, one-click unsubscribe. */
class UpdatesTest extends UpdatesTestSupport {

    @Autowired
    ApplicationContext context;

    private static Map<String, String[]> englishAndUkrainian(String title) {
        Map<String, String[]> texts = new LinkedHashMap<>();
        texts.put("en", new String[]{title, "Operation Solidarity, **day 23**: the convoy reached Kharkiv."});
        texts.put("uk", new String[]{"Укр " + title, "Операція «Солідарність», **день 23**: колона дісталася Харкова."});
        return texts;
    }

    @Test
    void anEditorSendsAPostToTheAppealsOptedInSignersEachInTheirLanguageWithAWorkingOneClickUnsubscribe() {
        String slug = appeal();
        String english = uniqueEmail("signer-en");
        String ukrainian = uniqueEmail("signer-uk");
        String silent = uniqueEmail("signer-no-updates");
        sign(slug, "en", english, true);
        sign(slug, "uk", ukrainian, true);
        sign(slug, "en", silent, false);
        long post = publishedPost(englishAndUkrainian("Day 23 " + slug));
        var member = member(StaffRole.EDITOR);
        Browser editor = signedIn(member);
        String audience = "APPEAL:" + appealId(slug);

        Browser.Page refused = postUpdate(editor, "", String.valueOf(post), audience);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("p.alert")).contains("yourself first");

        Browser.Page tested = postUpdate(editor, "/test", String.valueOf(post), audience);
        assertThat(tested.location()).endsWith("/staff/news/updates");
        List<MimeMessage> tests = TestMailServer.await(member.email(), 2, Duration.ofSeconds(10));
        assertThat(tests).extracting(TestMailServer::subject)
                .containsExactlyInAnyOrder("[TEST] Day 23 " + slug, "[TEST] Укр Day 23 " + slug);

        Browser.Page sent = postUpdate(editor, "", String.valueOf(post), audience);
        assertThat(sent.location()).matches(".*/staff/news/updates/\\d+");
        MimeMessage en = TestMailServer.await(english, 2, Duration.ofSeconds(10)).getLast();
        MimeMessage uk = TestMailServer.await(ukrainian, 2, Duration.ofSeconds(10)).getLast();
        assertThat(TestMailServer.subject(en)).isEqualTo("Day 23 " + slug);
        assertThat(TestMailServer.subject(uk)).isEqualTo("Укр Day 23 " + slug);
        assertThat(text(uk)).contains("Операція «Солідарність», день 23").contains("Відписатися одним натиском:");
        assertThat(text(en)).contains("Operation Solidarity, day 23").doesNotContain("**");
        assertThat(TestMailServer.to(silent)).hasSize(1); // the confirmation only

        String listUnsubscribe = header(uk, "List-Unsubscribe");
        assertThat(listUnsubscribe).matches("<" + BASE + "/uk/news/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(header(uk, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header(uk, "Content-Type")).startsWith("text/plain; charset=UTF-8");
        String url = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        assertThat(text(uk)).contains(url);

        Browser.Page progress = editor.open(sent.location());
        assertThat(progress.text("dd.recipients")).isEqualTo("2");
        await("the update's progress to show both sent", Duration.ofSeconds(10),
                () -> editor.open(sent.location()).text("dd.sent").equals("2"));
        assertThat(editor.open(sent.location()).text("dd.failed")).isEqualTo("0");

        // a mail program posts the one-click unsubscribe from no page of this site, without any token
        Browser mailProgram = anotherBrowser().header("Sec-Fetch-Site", "cross-site").header("Origin", "null");
        Browser.Page done = mailProgram.postRaw(url.substring(BASE.length()), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("h1")).isEqualTo("Ви відписалися");
        assertThat(db.sql("SELECT updates FROM signature WHERE email_key_hash = :h").param("h", EmailKey.hash(ukrainian))
                .query(Boolean.class).single()).isFalse();
        assertThat(db.sql("SELECT COUNT(*) FROM news_unsubscribed WHERE email_hash = :h").param("h", EmailKey.hash(ukrainian))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(mailProgram.postRaw(url.substring(BASE.length()), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).status()).as("twice is fine").isEqualTo(200);

        long next = publishedPost(englishAndUkrainian("Day 24 " + slug));
        assertThat(postUpdate(editor, "/test", String.valueOf(next), audience).isRedirect()).isTrue();
        assertThat(postUpdate(editor, "", String.valueOf(next), audience).isRedirect()).isTrue();
        TestMailServer.await(english, 3, Duration.ofSeconds(10));
        assertThat(TestMailServer.to(ukrainian)).as("unsubscribed: no more updates").hasSize(2);
    }

    @Test
    void aReaderSubscribesWithJavaScriptOffConfirmsGetsTheUpdateInTheOriginalWhenTheirLanguageIsMissingAndUnsubscribes() {
        String reader = uniqueEmail("reader");
        subscribe("uk", reader);
        MimeMessage confirmation = TestMailServer.to(reader).getFirst();
        assertThat(TestMailServer.subject(confirmation)).startsWith("Будь ласка, підтвердьте");
        String hash = EmailKey.hash(reader);
        assertThat(db.sql("SELECT COUNT(*) FROM news_subscriber WHERE email_hash = :h AND confirmed_at IS NOT NULL")
                .param("h", hash).query(Long.class).single()).isEqualTo(1);

        Map<String, String[]> englishOnly = new LinkedHashMap<>();
        englishOnly.put("en", new String[]{"Global week of action " + hash.substring(0, 6), "Join the **week of action**."});
        long post = publishedPost(englishOnly);
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(postUpdate(editor, "/test", String.valueOf(post), "SUBSCRIBERS").isRedirect()).isTrue();
        Browser.Page sent = postUpdate(editor, "", String.valueOf(post), "SUBSCRIBERS");
        assertThat(sent.isRedirect()).as(sent.body()).isTrue();
        MimeMessage update = TestMailServer.await(reader, 2, Duration.ofSeconds(20)).getLast();
        assertThat(TestMailServer.subject(update)).startsWith("Global week of action");
        assertThat(text(update)).contains("Unsubscribe in one click: " + BASE + "/en/news/unsubscribe/");

        String link = link(update, "/en/news/unsubscribe/");
        Browser browser = anotherBrowser();
        Browser.Page page = browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(db.sql("SELECT COUNT(*) FROM news_subscriber WHERE email_hash = :h").param("h", hash)
                .query(Long.class).single()).as("a GET changes nothing").isEqualTo(1);
        assertThat(browser.submit(page, "form.unsubscribe-form").text("h1")).isEqualTo("You are unsubscribed");
        assertThat(db.sql("SELECT COUNT(*) FROM news_subscriber WHERE email_hash = :h").param("h", hash)
                .query(Long.class).single()).as("the address is erased").isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", reader)
                .query(Long.class).single()).as("and its mail in the outbox").isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM news_update_recipient WHERE email = :r").param("r", reader)
                .query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM news_unsubscribed WHERE email_hash = :h").param("h", hash)
                .query(Long.class).single()).as("only the hash stays").isEqualTo(1);
    }

    @Test
    void theOrganizersOfACampaignsEventsGetTheUpdate() {
        EventsFixture.ApprovedEvent event = EventsFixture.approvedEvent(context, "DEMONSTRATION", "Brussels", "BE");
        String organizer = db.sql("SELECT contact_email FROM event WHERE id = :id").param("id", event.id())
                .query(String.class).single();
        long post = publishedPost(englishAndUkrainian("To organizers " + event.id()));
        Browser editor = signedIn(member(StaffRole.EDITOR));
        assertThat(postUpdate(editor, "/test", String.valueOf(post), "CAMPAIGN:" + event.campaignId()).isRedirect()).isTrue();
        assertThat(postUpdate(editor, "", String.valueOf(post), "CAMPAIGN:" + event.campaignId()).isRedirect()).isTrue();
        MimeMessage mail = mailEndingWith(organizer, "To organizers " + event.id());
        assertThat(header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }
}
