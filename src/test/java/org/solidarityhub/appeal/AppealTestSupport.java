package org.solidarityhub.appeal;

import org.solidarityhub.submissions.EmailKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What the appeal tests share: a fresh appeal per test, signing through the forms, following mailed links. */
abstract class AppealTestSupport extends WebTest {

    static final String BASE = "http://hub.test";

    @Autowired
    Appeals appeals;

    @Autowired
    SignatureCounts counts;

    Appeal appeal;

    Appeal newAppeal(Integer goal) {
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 13);
        Appeal created = appeals.create(slug, "en", goal, "Peace for Ukraine " + slug, "We call for **solidarity**.", "test");
        appeals.revise(created.id(), "uk", "Мир для України " + slug, "Ми закликаємо до **солідарності**.", null, "test");
        return created;
    }

    Map<String, Object> individual(String name, String email, String display) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("country", "BE");
        fields.put("city", "Brussels");
        fields.put("display", display);
        return fields;
    }

    /** Submits the individual form as a person with their own IP address; returns the response. */
    Browser.Page signAsIndividual(Browser who, Map<String, Object> fields) {
        Browser.Page page = who.get("/en/appeals/" + appeal.slug());
        assertThat(page.status()).isEqualTo(200);
        return who.submit(page, "#sign-individual", fields);
    }

    Browser.Page signAsOrganization(Browser who, Map<String, Object> fields) {
        Browser.Page page = who.get("/en/appeals/" + appeal.slug());
        return who.submit(page, "#sign-organization", fields);
    }

    /** Two people behind one address (a NAT) who sign within a minute, and that address. */
    record SameAddress(String ip, Browser first, Browser second) {
    }

    /** Two signers from one address within a minute: the first is counted as usual, the second flagged. */
    SameAddress signTwiceFromOneAddress(String firstEmail, String secondEmail) {
        String ip = uniqueIp();
        SameAddress signers = new SameAddress(ip, anotherBrowser().from(ip), anotherBrowser().from(ip));
        signAsIndividual(signers.first(), individual("First", firstEmail, "FULL_NAME"));
        signAsIndividual(signers.second(), individual("Second", secondEmail, "FULL_NAME"));
        assertThat(row(firstEmail)).containsEntry("flagged", false);
        assertThat(row(secondEmail)).containsEntry("flagged", true);
        return signers;
    }

    Browser person() {
        return anotherBrowser().from(uniqueIp());
    }

    /** The newest mail to an address, waiting for it to be delivered over SMTP. */
    MimeMessage mail(String email, int count) {
        List<MimeMessage> mails = TestMailServer.await(email, count, Duration.ofSeconds(10));
        return mails.get(mails.size() - 1);
    }

    String path(MimeMessage mail, String prefix) {
        return TestMailServer.link(mail, BASE + prefix).substring(BASE.length());
    }

    /** Signs, follows the mailed link and presses the confirm button. */
    void signAndConfirm(Map<String, Object> fields) {
        Browser who = person();
        assertThat(signAsIndividual(who, fields).location()).endsWith("/signed");
        confirm(who, (String) fields.get("email"), 1);
    }

    void confirm(Browser who, String email, int mailNumber) {
        String link = path(mail(email, mailNumber), "/en/appeal/confirm/");
        Browser.Page page = who.get(link);
        assertThat(page.status()).isEqualTo(200);
        Browser.Page done = who.submit(page, "main form");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("h1")).isEqualTo("Thank you for signing");
    }

    long count() {
        counts.countChanges();
        return counts.of(appeal.id()).total();
    }

    Map<String, Object> row(String email) {
        return db.sql("SELECT * FROM signature WHERE appeal_id = :appeal AND email = :email")
                .param("appeal", appeal.id()).param("email", email).query().singleRow();
    }

    long rows(String email) {
        return db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :appeal AND email_key_hash = :key")
                .param("appeal", appeal.id()).param("key", EmailKey.hash(email)).query(Long.class).single();
    }
}
