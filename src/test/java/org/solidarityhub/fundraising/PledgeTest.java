package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pledge from the public with JavaScript off, over real HTTP and SMTP: the form, the confirmation mail, the page
 * with how to give and the reference, then a treasurer who records its money (or matches it to a donation already
 * recorded), the thank-you mail and the address erased.
 */
class PledgeTest extends WebTest {

    @Autowired StaffFixture staff;
    @Autowired Fundraisers fundraisers;

    Fundraiser fundraiser;
    long helmets;
    Browser treasurer;

    @BeforeEach
    void anOpenFundraiserWithANeedAndATreasurer() {
        fundraiser = PledgeFixture.openFundraiser(fundraisers, "EUR");
        helmets = fundraisers.addNeed(fundraiser.id(), new Fundraisers.NewNeed("Helmets", "Class 4 helmets", "50", "300", "HIGH"));
        treasurer = anotherBrowser();
        staff.signIn(treasurer, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
    }

    @Test
    void aPledgerConfirmsSeesHowToGiveAndATreasurerRecordsTheMoneyThenTheyAreThankedAndForgotten() {
        String email = uniqueEmail("pledger");
        Browser pledger = pledger();
        Browser.Page form = pledger.open("/fundraisers/" + fundraiser.slug() + "/pledge");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.doc().select("select[name=need] option").eachText()).contains("Helmets");

        Browser.Page sent = pledger.submit(form, "form.pledge-form", Map.of("amount", "50", "currency", "EUR",
                "need", String.valueOf(helmets), "display", "NAME", "publicName", "Anna from Kraków", "email", email));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(pledger.follow(sent).doc().text()).contains("Check your email");

        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        assertThat(TestMailServer.subject(mail)).isEqualTo("Confirm your pledge to Operation Solidarity");
        String link = TestMailServer.link(mail, "http://hub.test/en/fundraisers/pledges/confirm/");
        Browser.Page confirm = pledger.get(link.replace("http://hub.test", ""));
        assertThat(confirm.doc().text()).contains("You pledge €50.00");
        assertThat(confirm.header("Cache-Control")).contains("private, no-store");

        Browser.Page confirmed = pledger.submit(confirm, "form.confirm-form", Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        String reference = confirmed.doc().select(".reference").text();
        assertThat(reference).matches("PL-[A-Z2-9]{6}");
        assertThat(confirmed.doc().select(".how-to-give").text()).contains("IBAN UA21");

        Browser.Page pledges = treasurer.get("/staff/fundraising/" + fundraiser.id() + "/pledges");
        assertThat(pledges.doc().text()).contains(reference, "€50.00", "Anna from Kraków");
        Browser.Page received = treasurer.submit(pledges, "#pledge-" + pledgeId(reference) + " form[action$=/receive]",
                Map.of("channel", "BANK_TRANSFER", "receivedOn", LocalDate.now(applicationClock).toString()));
        assertThat(treasurer.follow(received).doc().text()).contains("The donation was recorded and the pledge matched to it.");

        Map<String, Object> row = db.sql("""
                        SELECT p.state, p.email, d.amount_minor, d.currency, d.display, d.public_name, d.need_id, d.reference
                        FROM pledge p JOIN donation d ON d.id = p.donation_id WHERE p.reference = :reference""")
                .param("reference", reference).query().singleRow();
        assertThat(row).containsEntry("state", "MATCHED").containsEntry("email", null).containsEntry("amount_minor", 5000L)
                .containsEntry("display", "NAME").containsEntry("public_name", "Anna from Kraków")
                .containsEntry("need_id", helmets).containsEntry("reference", reference);
        assertThat(row.get("currency").toString().strip()).isEqualTo("EUR");
        assertThat(db.sql("SELECT -SUM(e.amount_minor) FROM ledger_entry e WHERE e.fundraiser_id = :f AND e.account = 'DONATIONS'")
                .param("f", fundraiser.id()).query(Long.class).single()).isEqualTo(5000L);
        MimeMessage thanks = TestMailServer.await(email, 2, Duration.ofSeconds(10)).get(1);
        assertThat(TestMailServer.subject(thanks)).isEqualTo("Your donation to Operation Solidarity arrived");
        assertThat(pledger.get(link.replace("http://hub.test", "")).doc().text()).contains("Your donation arrived");
    }

    @Test
    void theMoneyOfAPledgeInAnotherCurrencyIsRecordedOnlyWithItsTypedRate() {
        String reference = PledgeFixture.confirmedPledge(pledger(), fundraiser, Map.of("amount", "100", "currency", "USD"));
        long id = pledgeId(reference);
        Browser.Page page = treasurer.get("/staff/fundraising/" + fundraiser.id() + "/pledges");
        String form = "#pledge-" + id + " form[action$=/receive]";
        Map<String, String> receipt = new HashMap<>(Map.of("channel", "CARD", "receivedOn", LocalDate.now(applicationClock).toString()));

        Browser.Page refused = treasurer.submit(page, form, receipt);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.doc().select("#pledge-" + id + " .field-error").text()).contains("please enter the exchange rate, its date and its source");
        assertThat(donations()).isZero();

        receipt.putAll(Map.of("rate", "0.92", "rateSource", "ECB"));
        treasurer.submit(treasurer.get("/staff/fundraising/" + fundraiser.id() + "/pledges"), form, receipt);
        assertThat(db.sql("SELECT amount_minor FROM donation WHERE fundraiser_id = :f").param("f", fundraiser.id())
                .query(Long.class).single()).isEqualTo(10000L);
        assertThat(db.sql("SELECT -SUM(amount_minor) FROM ledger_entry WHERE fundraiser_id = :f AND account = 'DONATIONS'")
                .param("f", fundraiser.id()).query(Long.class).single()).isEqualTo(9200L);
    }

    @Test
    void aPledgeIsMatchedToADonationRecordedAlreadyButADonationServesOnePledgeOnly() {
        long first = pledgeId(PledgeFixture.confirmedPledge(pledger(), fundraiser, Map.of("amount", "20")));
        long second = pledgeId(PledgeFixture.confirmedPledge(pledger(), fundraiser, Map.of("amount", "20")));
        Browser.Page page = treasurer.get("/staff/fundraising/" + fundraiser.id());
        treasurer.submit(page, "form[action$=/donations]", Map.of("amount", "20", "currency", "EUR",
                "receivedOn", LocalDate.now(applicationClock).toString(), "channel", "BANK_TRANSFER", "display", "ANONYMOUS"));
        long donation = db.sql("SELECT id FROM donation WHERE fundraiser_id = :f").param("f", fundraiser.id()).query(Long.class).single();

        Browser.Page matched = match(first, String.valueOf(donation));
        assertThat(treasurer.follow(matched).doc().text()).contains("The pledge was matched to the donation.");
        assertThat(treasurer.follow(match(second, String.valueOf(donation))).doc().text())
                .contains("This donation is matched to another pledge already.");
        assertThat(treasurer.follow(match(second, "999999999")).doc().text())
                .contains("There is no donation with this number in this fundraiser.");
        Browser.Page notANumber = match(second, "twelve");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(db.sql("SELECT state FROM pledge WHERE id = :id").param("id", second).query(String.class).single())
                .isEqualTo("CONFIRMED");
        assertThat(donations()).isEqualTo(1);
    }

    @Test
    void aCancelledPledgeLosesItsAddressAndCannotBeMatchedAfterwards() {
        long id = pledgeId(PledgeFixture.confirmedPledge(pledger(), fundraiser, Map.of("amount", "5")));
        Browser.Page page = treasurer.get("/staff/fundraising/" + fundraiser.id() + "/pledges");
        treasurer.submit(page, "#pledge-" + id + " form[action$=/cancel]", Map.of());

        assertThat(db.sql("SELECT state || ' ' || COALESCE(email, '-') FROM pledge WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CANCELLED -");
        Browser.Page again = treasurer.post("/staff/fundraising/" + fundraiser.id() + "/pledges/" + id + "/cancel", Map.of());
        assertThat(again.status()).isIn(302, 403);
    }

    private Browser.Page match(long pledge, String donation) {
        Browser.Page page = treasurer.get("/staff/fundraising/" + fundraiser.id() + "/pledges");
        return treasurer.submit(page, "#pledge-" + pledge + " form[action$=/match]", Map.of("donation", donation));
    }

    private long pledgeId(String reference) {
        return db.sql("SELECT id FROM pledge WHERE reference = :r").param("r", reference).query(Long.class).single();
    }

    private long donations() {
        return db.sql("SELECT COUNT(*) FROM donation WHERE fundraiser_id = :f").param("f", fundraiser.id()).query(Long.class).single();
    }

    /** A reader of its own address, so that no test meets another's limit. */
    private Browser pledger() {
        return anotherBrowser().from(uniqueIp());
    }
}
