package org.solidarityhub.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import org.solidarityhub.platform.Timestamps;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the updates tests share: published posts and appeals written straight into their tables (their own features
 * test how they are made), signing and subscribing through the real forms, an editor signed in through the real
 * two-step form, and mails followed over SMTP.
 */
abstract class UpdatesTestSupport extends WebTest {

    static final String BASE = "http://hub.test";

    @Autowired
    StaffFixture staff;

    /** A published post with a text per language (language → {title, markdown}); the first is the original. */
    long publishedPost(Map<String, String[]> texts) {
        return post(texts, "PUBLISHED");
    }

    long post(Map<String, String[]> texts, String state) {
        String slug = "update-" + UUID.randomUUID().toString().substring(0, 8);
        Object now = Timestamps.toDb(clock.instant());
        String original = texts.keySet().iterator().next();
        db.sql("""
                        INSERT INTO news_post (slug, original_language, state, published_at, created_at, updated_at)
                        VALUES (:slug, :language, :state, :published, :now, :now)""")
                .param("slug", slug).param("language", original).param("state", state)
                .param("published", state.equals("PUBLISHED") ? now : null).param("now", now).update();
        long id = db.sql("SELECT id FROM news_post WHERE slug = :slug").param("slug", slug).query(Long.class).single();
        texts.forEach((language, t) -> db.sql("""
                        INSERT INTO news_post_text (post_id, language, title, summary, body)
                        VALUES (:id, :language, :title, '', :body)""")
                .param("id", id).param("language", language).param("title", t[0]).param("body", t[1]).update());
        return id;
    }

    /** An open appeal with an English and a Ukrainian text; returns its slug. */
    String appeal() {
        String slug = "updates-" + UUID.randomUUID().toString().substring(0, 8);
        Object now = Timestamps.toDb(clock.instant());
        db.sql("INSERT INTO appeal (slug, default_language, state, created_at) VALUES (:slug, 'en', 'OPEN', :now)")
                .param("slug", slug).param("now", now).update();
        long id = appealId(slug);
        for (String[] t : List.of(new String[]{"en", "Peace " + slug}, new String[]{"uk", "Мир " + slug})) {
            db.sql("""
                            INSERT INTO appeal_revision (appeal_id, language, number, title, body, created_at, created_by)
                            VALUES (:id, :language, 1, :title, 'We call for solidarity.', :now, 'test')""")
                    .param("id", id).param("language", t[0]).param("title", t[1]).param("now", now).update();
        }
        return slug;
    }

    long appealId(String slug) {
        return db.sql("SELECT id FROM appeal WHERE slug = :slug").param("slug", slug).query(Long.class).single();
    }

    /** Signs an appeal through its page in a language, with or without "send me updates", and confirms by mail. */
    void sign(String slug, String language, String email, boolean updates) {
        Browser who = anotherBrowser().from(uniqueIp());
        Browser.Page page = who.get("/" + language + "/appeals/" + slug);
        assertThat(page.status()).isEqualTo(200);
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", "Test Signer", "email", email, "country", "BE",
                "city", "Brussels", "display", "FULL_NAME"));
        if (updates) {
            fields.put("updates", "true");
        }
        Browser.Page signed = who.submit(page, "#sign-individual", fields);
        assertThat(signed.isRedirect()).as("signed: " + signed.body()).isTrue();
        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getLast();
        String link = link(mail, "/" + language + "/appeal/confirm/");
        Browser.Page confirm = who.get(link);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(who.submit(confirm, "main form").status()).isEqualTo(200);
    }

    /** Subscribes on the news page in a language and confirms from the mail, as a reader with JavaScript off. */
    void subscribe(String language, String email) {
        Browser reader = anotherBrowser().from(uniqueIp());
        Browser.Page form = reader.get("/" + language + "/news/subscribe");
        assertThat(form.status()).isEqualTo(200);
        Browser.Page sent = reader.submit(form, "form.subscribe-form", Map.of("email", email));
        assertThat(sent.location()).endsWith("/" + language + "/news/subscribe/sent");
        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getLast();
        String link = link(mail, "/" + language + "/news/subscribe/confirm/");
        Browser.Page confirm = reader.get(link);
        assertThat(confirm.status()).isEqualTo(200);
        Browser.Page done = reader.submit(confirm, "main form");
        assertThat(done.location()).endsWith("/news/subscribe/confirmed");
    }

    /** A browser signed in as a new member with these roles. */
    Browser signedIn(StaffFixture.Member member) {
        Browser browser = anotherBrowser();
        staff.signIn(browser, member);
        return browser;
    }

    StaffFixture.Member member(StaffRole... roles) {
        return staff.member(uniqueEmail("editor"), roles);
    }

    /** Posts the updates form of the staff page: to {@code /test} or to send; the CSRF token taken from the page. */
    Browser.Page postUpdate(Browser editor, String action, String post, String audience) {
        Browser.Page page = editor.get("/staff/news/updates");
        assertThat(page.status()).isEqualTo(200);
        String csrf = page.doc().selectFirst("form.update-form input[name=_csrf]").val();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("post", post);
        fields.put("audience", audience);
        return editor.post("/staff/news/updates" + action, fields);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** The text of a mail, decoded (base64 or not), with \n line ends. */
    static String text(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The first link in a mail's text that starts with the prefix, as a path of this site. */
    static String link(MimeMessage mail, String prefix) {
        String body = text(mail);
        int start = body.indexOf(BASE + prefix);
        if (start < 0) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + body);
        }
        int end = start;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
            end++;
        }
        return body.substring(start + BASE.length(), end);
    }

    /** Waits for a mail to an address whose subject ends so; returns it. */
    static MimeMessage mailEndingWith(String address, String subjectEnd) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : TestMailServer.to(address)) {
                if (TestMailServer.subject(m).endsWith(subjectEnd)) {
                    return m;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no mail ending with " + subjectEnd);
    }

    static String header(MimeMessage mail, String name) {
        return TestMailServer.header(mail, name);
    }
}
