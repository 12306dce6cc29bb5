package org.solidarityhub.appeal;

import org.solidarityhub.submissions.EmailKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.submissions.SubmissionApproved;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

class SigningTest extends AppealTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @org.springframework.beans.factory.annotation.Autowired
    StaffSignatures staffSignatures;

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(100);
    }

    @Test
    void anIndividualSignsConfirmsByEmailAndIsCountedAfterTheBatch() throws Exception {
        String email = uniqueEmail("olena");
        Browser olena = person();
        Browser.Page signed = signAsIndividual(olena, individual("Olena Kovalenko", email, "FULL_NAME"));
        assertThat(signed.location()).endsWith("/en/appeals/" + appeal.slug() + "/signed");
        assertThat(olena.follow(signed).text("h1")).isEqualTo("Check your email");
        // stored before the signer was told, pending until confirmed
        assertThat(row(email)).containsEntry("status", "PENDING").containsEntry("language", "en");
        assertThat(count()).isZero();

        MimeMessage mail = mail(email, 1);
        assertThat(TestMailServer.subject(mail)).startsWith("Please confirm your signature: Peace for Ukraine");
        assertThat(TestMailServer.body(mail)).contains(BASE + "/en/appeal/withdraw/");
        String link = path(mail, "/en/appeal/confirm/");

        // opening the link (as a mail scanner does) confirms nothing
        Browser.Page confirmPage = anotherBrowser().get(link);
        assertThat(confirmPage.text("h1")).isEqualTo("Confirm your signature");
        assertThat(row(email)).containsEntry("status", "PENDING");

        // confirming writes only the signature: it goes through while a counting job holds its lock, and the
        // public count moves only when the job may run
        try (java.sql.Connection counting = dataSource.getConnection()) {
            counting.setAutoCommit(false);
            counting.createStatement().executeQuery("SELECT name FROM job_lock WHERE name = 'appeal-counts' FOR UPDATE").close();
            Browser.Page confirmed = olena.submit(olena.get(link), "main form");
            assertThat(confirmed.text("h1")).isEqualTo("Thank you for signing");
            assertThat(row(email)).containsEntry("status", "CONFIRMED").containsEntry("counted", false);
            assertThat(db.sql("SELECT COALESCE(SUM(total), 0) FROM appeal_count WHERE appeal_id = :id").param("id", appeal.id())
                    .query(Long.class).single()).isZero();
            counting.rollback();
        }
        assertThat(count()).isEqualTo(1);
        Browser.Page page = anotherBrowser().get("/en/appeals/" + appeal.slug());
        // one signature is below the threshold of small counts: published as "fewer than 5" (SmallCountsTest)
        assertThat(page.text(".count-number")).isEqualTo("fewer than 5");
        assertThat(page.text(".signers")).contains("Olena Kovalenko, Brussels, Belgium");
        assertThat(page.doc().select("progress").attr("value")).isEqualTo("0");
        assertThat(page.doc().select("progress").attr("max")).isEqualTo("100");
    }

    @Test
    void theSignatureRecordsTheRevisionAndLanguageTheSignerSaw() {
        String email = uniqueEmail("ukr");
        Browser reader = person().acceptLanguage("uk");
        Browser.Page page = reader.get("/uk/appeals/" + appeal.slug());
        assertThat(page.text("h1")).startsWith("Мир для України");
        String revisionShown = page.doc().select("#sign-individual input[name=revision]").attr("value");
        // an editor publishes a new Ukrainian revision while the reader fills in the form
        appeals.revise(appeal.id(), "uk", "Мир для України (2)", "Новий текст.", "typo", "test");
        reader.submit(page, "#sign-individual", individual("Оксана", email, "HIDDEN"));
        assertThat(row(email)).containsEntry("language", "uk");
        assertThat(String.valueOf(row(email).get("revision_id"))).isEqualTo(revisionShown);
        assertThat(TestMailServer.subject(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst())).startsWith("Будь ласка, підтвердьте підпис");
    }

    @Test
    void eachSignerAppearsOnlyAsTheyChose() {
        String full = uniqueEmail("full");
        String first = uniqueEmail("first");
        String hidden = uniqueEmail("hidden");
        signAndConfirm(individual("Anna Nowak", full, "FULL_NAME"));
        signAndConfirm(individual("Mark Thompson", first, "FIRST_NAME_COUNTRY"));
        signAndConfirm(individual("Secret Person", hidden, "HIDDEN"));
        assertThat(count()).isEqualTo(3);

        Browser.Page list = anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories");
        String text = list.text("ol.signatories");
        assertThat(text).contains("Anna Nowak, Brussels, Belgium").contains("Mark, Belgium")
                .doesNotContain("Thompson").doesNotContain("Secret").doesNotContain("Person");
        assertThat(list.body()).doesNotContain(full).doesNotContain(first).doesNotContain(hidden).doesNotContain("@example.org");
        assertThat(list.text("main > p:nth-of-type(2)")).startsWith("2 public signatories");
    }

    @Test
    void commentsAppearOnlyAfterModeration() {
        String email = uniqueEmail("commenter");
        Map<String, Object> fields = individual("Iryna Bondar", email, "FULL_NAME");
        fields.put("comment", "Slava Ukraini! Solidarity from Lviv.");
        signAndConfirm(fields);
        count();
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories").body()).doesNotContain("Solidarity from Lviv");
        long id = ((Number) row(email).get("id")).longValue();
        assertThat(staffSignatures.moderateComment(appeal.id(), id, true)).isTrue();
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories").text("ol.signatories q"))
                .isEqualTo("Slava Ukraini! Solidarity from Lviv.");
    }

    @Test
    void signingAgainWithTheSameAddressLooksTheSameAndResendsTheConfirmation() {
        String email = "olena.k+" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@gmail.com";
        String sameAddress = email.replace(".", "").replace("gmailcom", "gmail.com").toUpperCase();
        Browser first = person();
        Browser.Page one = signAsIndividual(first, individual("Olena", email, "HIDDEN"));
        Browser second = person();
        Browser.Page two = signAsIndividual(second, individual("Someone Else", sameAddress.replaceFirst("\\+[^@]*@", "+other@"), "FULL_NAME"));
        assertThat(two.status()).isEqualTo(one.status());
        assertThat(two.location()).isEqualTo(one.location());
        assertThat(second.follow(two).body()).isEqualTo(first.follow(one).body());
        assertThat(rows(email)).isEqualTo(1);
        assertThat(row(email)).containsEntry("name", "Olena");
        // the pending signature got its confirmation again, and the newest link works
        MimeMessage resent = mail(email, 2);
        assertThat(TestMailServer.subject(resent)).startsWith("Please confirm your signature");
        confirm(first, email, 2);
        assertThat(row(email)).containsEntry("status", "CONFIRMED");
        // once confirmed, a further attempt brings a reminder with the withdrawal link, still no error
        assertThat(signAsIndividual(person(), individual("Olena", email, "HIDDEN")).location()).endsWith("/signed");
        assertThat(TestMailServer.subject(mail(email, 3))).startsWith("You have already signed");
    }

    @Test
    void parallelSignaturesWithOneAddressMakeOneSignatureAndNoError() throws Exception {
        String email = uniqueEmail("parallel");
        java.util.List<java.util.concurrent.Callable<Integer>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Browser who = person();
            Browser.Page page = who.get("/en/appeals/" + appeal.slug());
            attempts.add(() -> who.submit(page, "#sign-individual", individual("Same Person", email, "HIDDEN")).status());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(attempts)) {
                assertThat(status.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows(email)).isEqualTo(1);
        assertThat(((Number) row(email).get("mails_sent")).intValue()).isEqualTo(5);
    }

    @Test
    void atMostFiveMailsGoToOneSignature() {
        String email = uniqueEmail("spammed");
        for (int i = 0; i < 8; i++) {
            assertThat(signAsIndividual(person(), individual("Victim", email, "HIDDEN")).location()).endsWith("/signed");
        }
        TestMailServer.await(email, 5, Duration.ofSeconds(10));
        // give the outbox time to send anything extra, then check nothing more came
        db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", email).query(Long.class).single();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", email).query(Long.class).single()).isEqualTo(5);
        assertThat(row(email)).containsEntry("mails_sent", 5);
    }

    @Test
    void withdrawingErasesThePersonalDataAndTheCount() {
        String email = uniqueEmail("withdraws");
        Map<String, Object> fields = individual("Jonas Peeters", email, "FULL_NAME");
        fields.put("comment", "Count me in");
        signAndConfirm(fields);
        assertThat(count()).isEqualTo(1);
        long id = ((Number) row(email).get("id")).longValue();
        String withdraw = path(mail(email, 1), "/en/appeal/withdraw/");

        Browser who = person();
        Browser.Page page = who.get(withdraw);
        assertThat(page.text("h1")).isEqualTo("Withdraw your signature");
        Browser.Page done = who.submit(page, "main form");
        assertThat(done.text("h1")).isEqualTo("Your signature is withdrawn");

        Map<String, Object> after = db.sql("SELECT * FROM signature WHERE id = :id").param("id", id).query().singleRow();
        assertThat(after).containsEntry("status", "WITHDRAWN").containsEntry("name", null).containsEntry("email", null)
                .containsEntry("email_key_hash", null).containsEntry("city", null).containsEntry("comment", null)
                .containsEntry("ip_hex", null);
        assertThat(count()).isZero();
        // the link is used up, and the person may sign again
        assertThat(anotherBrowser().get(withdraw).status()).isEqualTo(404);
        assertThat(signAsIndividual(person(), individual("Jonas", email, "HIDDEN")).location()).endsWith("/signed");
        assertThat(rows(email)).isEqualTo(1);
    }

    @Test
    void anOrganizationAppearsOnlyAfterAModeratorVerifiedIt() {
        String email = uniqueEmail("union");
        String name = "Union of Ukrainian Women " + appeal.slug();
        Browser contact = person();
        Browser.Page signed = signAsOrganization(contact, Map.of("organizationName", name, "country", "BE",
                "organizationWebsite", "https://example.org/union", "name", "Contact Person", "email", email));
        assertThat(signed.location()).endsWith("/signed");
        confirm(contact, email, 1);
        assertThat(count()).isZero();
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories").body()).doesNotContain(name);

        long id = ((Number) row(email).get("id")).longValue();
        Map<String, Object> organization = db.sql("SELECT * FROM organization WHERE id = :id")
                .param("id", row(email).get("organization_id")).query().singleRow();
        assertThat(organization).containsEntry("verified", false).containsEntry("country", "BE");

        org.solidarityhub.staff.StaffFixture staff = applicationContext.getBean(org.solidarityhub.staff.StaffFixture.class);
        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("mod"), org.solidarityhub.staff.StaffRole.MODERATOR));
        Browser.Page review = moderator.get("/staff/appeals/" + appeal.id() + "/review");
        assertThat(review.text("#signature-" + id)).contains(name).contains("Contact Person").contains(email);
        List<SubmissionApproved> approvals = new CopyOnWriteArrayList<>();
        ((ConfigurableApplicationContext) applicationContext).addApplicationListener(
                (ApplicationListener<PayloadApplicationEvent<?>>) event -> {
                    if (event.getPayload() instanceof SubmissionApproved approved) {
                        approvals.add(approved);
                    }
                });
        Browser.Page verified = moderator.submit(review, "#signature-" + id + " form[action$=/verify]");
        assertThat(moderator.follow(verified).text(".notice")).isEqualTo("Done.");
        assertThat(approvals).contains(new SubmissionApproved("signature", id));

        assertThat(count()).isEqualTo(1);
        assertThat(counts.of(appeal.id()).organizations()).isEqualTo(1);
        Browser.Page list = anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories");
        assertThat(list.text("li.organization")).contains(name).contains("https://example.org/union");
        assertThat(list.body()).doesNotContain("Contact Person").doesNotContain(email);
        assertThat(anotherBrowser().get("/en/organizations/" + organization.get("id")).status()).isEqualTo(200);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'appeal.organization-verified' AND target_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHoneypotStoresNothingButLooksLikeSuccess() {
        String email = uniqueEmail("bot");
        Map<String, Object> fields = individual("Bot", email, "FULL_NAME");
        fields.put("homepage", "http://spam.example");
        assertThat(signAsIndividual(person(), fields).location()).endsWith("/signed");
        assertThat(rows(email)).isZero();
    }

    @Test
    void signaturesOverTheAddressLimitAreKeptButNotCountedUntilReleased() {
        String first = uniqueEmail("nat-1");
        String second = uniqueEmail("nat-2");
        SameAddress nat = signTwiceFromOneAddress(first, second);
        confirm(nat.first(), first, 1);
        confirm(nat.second(), second, 1);
        assertThat(count()).isEqualTo(1);

        long id = ((Number) row(second).get("id")).longValue();
        org.solidarityhub.staff.StaffFixture staff = applicationContext.getBean(org.solidarityhub.staff.StaffFixture.class);
        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("mod"), org.solidarityhub.staff.StaffRole.MODERATOR));
        Browser.Page review = moderator.get("/staff/appeals/" + appeal.id() + "/review");
        moderator.submit(review, "#flagged-" + id + " form");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aConfirmationLinkExpiresAfterSevenDays() {
        String email = uniqueEmail("late");
        signAsIndividual(person(), individual("Late", email, "HIDDEN"));
        String link = path(mail(email, 1), "/en/appeal/confirm/");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Browser.Page gone = anotherBrowser().get(link);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text(".lead")).isEqualTo("This link is unknown, was already used or has expired.");
    }

    @Test
    void aClosedAppealTakesNoSignatures() {
        Browser who = person();
        appeals.update(appeal.id(), Appeal.State.CLOSED, null);
        Browser.Page page = anotherBrowser().get("/en/appeals/" + appeal.slug());
        assertThat(page.doc().select("#sign-individual")).isEmpty();
        assertThat(page.text(".count-box .notice")).isEqualTo("This appeal is closed: it no longer takes signatures.");
        String email = uniqueEmail("closed");
        Browser.Page refused = who.post("/en/appeals/" + appeal.slug() + "/sign", Map.of("kind", "INDIVIDUAL",
                "name", "X", "email", email, "country", "BE", "display", "HIDDEN"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(rows(email)).isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext applicationContext;

    private Browser.Page signThroughApi(String email) {
        return person().postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures", "application/json", """
                {"kind":"INDIVIDUAL","name":"Signer","email":"%s","country":"UA","city":"","display":"HIDDEN","comment":"","updates":false,"language":"en"}"""
                .formatted(email).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<Integer> atOnce(List<String> emails) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(emails.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String email : emails) {
                answers.add(pool.submit(() -> signThroughApi(email).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void newSignersArrivingTogetherAreStoredTogetherEachWithItsOwnLinksAndMail(@Autowired Signing signing) throws Exception {
        long before = signing.signersStoredTogether();
        List<String> emails = IntStream.range(0, 40).mapToObj(i -> uniqueEmail("peak" + i)).toList();
        assertThat(atOnce(emails)).containsOnly(202);
        // none fell back to the one-by-one path: the batches of this driver tell which rows they inserted
        assertThat(signing.signersStoredTogether() - before).isGreaterThanOrEqualTo(emails.size());
        assertThat(db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :id AND status = 'PENDING'")
                .param("id", appeal.id()).query(Long.class).single()).isEqualTo(emails.size());
        assertThat(db.sql("""
                        SELECT COUNT(*) FROM emailed_link t JOIN signature s ON s.id = t.subject_id AND t.subject_type = 'signature'
                        WHERE s.appeal_id = :id GROUP BY t.subject_id, t.purpose HAVING COUNT(*) <> 1""")
                .param("id", appeal.id()).query(Long.class).list()).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM emailed_link t JOIN signature s ON s.id = t.subject_id AND t.subject_type = 'signature' WHERE s.appeal_id = :id")
                .param("id", appeal.id()).query(Long.class).single()).isEqualTo(2L * emails.size());
        for (String email : emails) {
            assertThat(rows(email)).isEqualTo(1);
            assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", email).query(Long.class).single())
                    .as(email).isEqualTo(1);
        }
        // each mail carries the links of its own signature
        String email = emails.get(17);
        confirm(person(), email, 1);
        assertThat(row(email)).containsEntry("status", "CONFIRMED");
        assertThat(db.sql("SELECT COUNT(*) FROM signature WHERE appeal_id = :id AND status = 'CONFIRMED'")
                .param("id", appeal.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneAddressSubmittedManyTimesAtOnceIsStoredOnce() throws Exception {
        String email = uniqueEmail("eager");
        String[] at = email.split("@");
        List<String> variants = IntStream.range(0, 12)
                .mapToObj(i -> i % 3 == 0 ? email : i % 3 == 1 ? email.toUpperCase(java.util.Locale.ROOT) : at[0] + "+" + i + "@" + at[1])
                .toList();
        assertThat(atOnce(variants)).containsOnly(202);
        assertThat(rows(email)).isEqualTo(1);
        String stored = db.sql("SELECT email FROM signature WHERE appeal_id = :appeal AND email_key_hash = :key")
                .param("appeal", appeal.id()).param("key", EmailKey.hash(email)).query(String.class).single();
        // every mail goes to the address stored first, whichever variant was typed later
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE LOWER(recipient) = LOWER(:r) AND recipient <> :r")
                .param("r", stored).query(Long.class).single()).isZero();
        long mails = db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", stored).query(Long.class).single();
        assertThat(mails).isBetween(1L, 5L);
    }
}
