package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every class of bad input on the treasurers' forms gets a clear message in the reader's language (400, the form as
 * typed), and nothing of it is written: no donation, purchase, organization, delivery or ledger row.
 */
class FundraisingBadInputTest extends WebTest {

    @Autowired
    StaffFixture staff;

    Browser treasurer;
    LocalDate today;
    long id;
    long need;

    @BeforeEach
    void aTreasurerWithAFundraiserInEuros() {
        treasurer = anotherBrowser();
        staff.signIn(treasurer, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        today = LocalDate.now(applicationClock);
        id = FundraisingStaffSupport.fundraiser(treasurer, "EUR", "");
        Browser.Page page = treasurer.get("/staff/fundraising/" + id);
        treasurer.submit(page, "form[action$=/needs]", Map.of("item", "Helmets", "quantity", "100", "unitCost", "250",
                "priority", "NORMAL"));
        need = db.sql("SELECT id FROM need WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
    }

    @Test
    void amountsWithTheWrongDecimalsSignsOrSizeAndUnknownCurrenciesAreRefusedWithAClearMessage() {
        refusedDonation(Map.of("amount", "10.5", "currency", "JPY", "rate", "0.0061", "rateOn", today.toString(),
                "rateSource", "ECB"), "JPY amounts have no decimals: please enter a whole number.");
        refusedDonation(Map.of("amount", "1.234"), "EUR amounts have at most 2 decimals.");
        refusedDonation(Map.of("amount", "1.2345", "currency", "KWD", "rate", "3", "rateOn", today.toString(),
                "rateSource", "ECB"), "KWD amounts have at most 3 decimals.");
        refusedDonation(Map.of("amount", "-5"), "Please enter the amount without a minus sign");
        refusedDonation(Map.of("amount", "99999999999999999999"), "This amount is too large for the ledger");
        refusedDonation(Map.of("amount", "0"), "Please enter an amount above zero.");
        refusedDonation(Map.of("amount", "=1+1"), "Please write the amount with digits only");
        refusedDonation(Map.of("currency", "ABC"), "This is not a currency we know.");
        refusedDonation(Map.of("currency", "XXX"), "This is not a currency we know.");
    }

    @Test
    void aForeignCurrencyNeedsATypedRateWithItsDateAndSource() {
        refusedDonation(Map.of("currency", "USD"), "please enter the exchange rate, its date and its source");
        refusedDonation(Map.of("currency", "USD", "rate", "0.92", "rateOn", today.toString()), "Please name the source of the rate");
        refusedDonation(Map.of("currency", "USD", "rate", "0,9x", "rateOn", today.toString(), "rateSource", "ECB"),
                "Please write the rate as a number");
        refusedDonation(Map.of("currency", "USD", "rate", "0.92", "rateOn", today.plusDays(3).toString(), "rateSource", "ECB"),
                "This date is in the future.");
    }

    @Test
    void otherDonationFieldsAreCheckedAndABankTransactionIsNeverRecordedTwice() {
        refusedDonation(Map.of("display", "NAME"), "Please fill in this field.");
        refusedDonation(Map.of("display", "NAME", "publicName", "=HYPERLINK(\"x\")"), "A name cannot start with =, +, - or @.");
        refusedDonation(Map.of("receivedOn", "19.03.2026"), "Please enter a date such as 2026-03-19.");
        refusedDonation(Map.of("channel", "GOLD"), "Please choose one of the listed options.");
        refusedDonation(Map.of("channel", "IN_KIND"), "Please fill in this field.");
        refusedDonation(Map.of("need", "999999999"), "Please choose one of the listed options.");

        Browser.Page first = treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/donations]",
                donation(Map.of("bankTransactionId", "BANK-1")));
        assertThat(first.status()).isEqualTo(302);
        refusedDonation(Map.of("bankTransactionId", "BANK-1"), "A donation with this bank transaction id is recorded already.");
    }

    @Test
    void aBadPurchaseIsRefusedAndCreatesNoOrganization() {
        refusedPurchase(Map.of("quantity", "0"), "Please enter a number of items above zero.");
        refusedPurchase(Map.of("total", "600.001"), "EUR amounts have at most 2 decimals.");
        refusedPurchase(Map.of("need", ""), "Please fill in this field.");
        refusedPurchase(Map.of("supplierCountry", ""), "Please enter the organization's country as a two-letter code");
        String supplier = "Supplier " + java.util.UUID.randomUUID();
        refusedPurchase(Map.of("supplierName", supplier, "orderedOn", "someday"), "Please enter a date such as 2026-03-19.");
        assertThat(db.sql("SELECT COUNT(*) FROM organization WHERE name = :n").param("n", supplier).query(Long.class).single())
                .isZero();
    }

    @Test
    void aPurchaseMovesOneStepAtATimeAndDeliversNoMoreThanWasOrdered() {
        Browser.Page done = treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/purchases]",
                purchase(Map.of("total", "500")));
        assertThat(done.status()).isEqualTo(302);
        long purchase = db.sql("SELECT id FROM purchase WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        String page = "/staff/fundraising/" + id + "/purchases/" + purchase;
        String ledger = rows();

        Browser.Page skipped = treasurer.follow(treasurer.submit(treasurer.get(page), "form[action$=/status]",
                Map.of("status", "SHIPPED")));
        assertThat(skipped.doc().text()).contains("A purchase moves one step at a time");
        Browser.Page tooMany = treasurer.submit(treasurer.get(page), "form[action$=/deliveries]",
                Map.of("quantity", "11", "recipientName", "A unit", "deliveredOn", today.toString()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.doc().text()).contains("Only 10 items of this purchase are not yet delivered.");
        assertThat(rows()).isEqualTo(ledger);
        assertThat(db.sql("SELECT COUNT(*) FROM delivery WHERE purchase_id = :p").param("p", purchase).query(Long.class).single())
                .isZero();
    }

    @Test
    void aFundraiserNeedsAFreeAddressAndAKnownCurrency() {
        Browser.Page list = treasurer.get("/staff/fundraising");
        Browser.Page refused = treasurer.submit(list, "form[action$=/staff/fundraising]", Map.of("slug", "Not OK",
                "title", "x", "baseCurrency", "XTS"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.doc().text()).contains("Lower-case letters, digits and dashes only")
                .contains("This is not a currency we know.");
        String slug = db.sql("SELECT slug FROM fundraiser WHERE id = :f").param("f", id).query(String.class).single();
        Browser.Page taken = treasurer.submit(list, "form[action$=/staff/fundraising]", Map.of("slug", slug, "title", "x",
                "baseCurrency", "EUR"));
        assertThat(taken.doc().text()).contains("Another fundraiser has this address already.");
    }

    @Test
    void aUkrainianTreasurerReadsTheMessageInUkrainian() {
        treasurer.get("/staff?lang=uk");
        Browser.Page refused = treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/donations]",
                donation(Map.of("amount", "1.234")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.doc().text()).contains("Суми в EUR мають не більше 2 знаків після коми.");
    }

    private void refusedDonation(Map<String, String> values, String message) {
        String before = rows();
        long donations = count("donation");
        Browser.Page refused = treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/donations]",
                donation(values));
        assertThat(refused.status()).as(values.toString()).isEqualTo(400);
        assertThat(refused.doc().text()).as(values.toString()).contains(message)
                .contains("Some fields need another look; nothing was recorded.");
        assertThat(count("donation")).isEqualTo(donations);
        assertThat(rows()).isEqualTo(before);
    }

    private void refusedPurchase(Map<String, String> values, String message) {
        String before = rows();
        long purchases = count("purchase");
        Browser.Page refused = treasurer.submit(treasurer.get("/staff/fundraising/" + id), "form[action$=/purchases]",
                purchase(values));
        assertThat(refused.status()).as(values.toString()).isEqualTo(400);
        assertThat(refused.doc().text()).as(values.toString()).contains(message);
        assertThat(count("purchase")).isEqualTo(purchases);
        assertThat(rows()).isEqualTo(before);
    }

    private Map<String, String> donation(Map<String, String> values) {
        Map<String, String> form = new HashMap<>(Map.of("amount", "50", "currency", "EUR", "receivedOn", today.toString(),
                "channel", "BANK_TRANSFER", "display", "ANONYMOUS"));
        form.putAll(values);
        return form;
    }

    private Map<String, String> purchase(Map<String, String> values) {
        Map<String, String> form = new HashMap<>(Map.of("need", String.valueOf(need), "quantity", "10", "total", "2500",
                "currency", "EUR", "supplierName", "Helmet maker", "supplierCountry", "PL", "orderedOn", today.toString()));
        form.putAll(values);
        return form;
    }

    private long count(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table + " WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
    }

    private String rows() {
        return db.sql("SELECT id, amount_minor FROM ledger_entry WHERE fundraiser_id = :f ORDER BY id").param("f", id)
                .query().listOfRows().toString();
    }
}
