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
 * Treasurers over real HTTP, signed in with both factors: a fundraiser, a need, donations in two currencies, a purchase
 * that waits for a second treasurer, its payment and delivery, and corrections that are reversals, all audited.
 */
class FundraisingStaffTest extends WebTest {

    @Autowired
    StaffFixture staff;

    Browser first;
    Browser second;
    StaffFixture.Member firstMember;
    StaffFixture.Member secondMember;
    LocalDate today;

    @BeforeEach
    void twoTreasurersSignIn() {
        firstMember = staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER);
        secondMember = staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER);
        first = anotherBrowser();
        second = anotherBrowser();
        staff.signIn(first, firstMember);
        staff.signIn(second, secondMember);
        today = LocalDate.now(applicationClock);
    }

    @Test
    void aTreasurerCreatesAFundraiserAddsANeedAndRecordsDonationsWhoseSumIsRaised() {
        long id = FundraisingStaffSupport.fundraiser(first, "EUR", "60000");
        Browser.Page page = act(first, id, "/needs", Map.of("item", "Vests", "quantity", "100", "unitCost", "600",
                "priority", "HIGH"));
        assertThat(page.doc().text()).contains("The need was added.").contains("Vests").contains("60,000.00");

        page = act(first, id, "/donations", donation("1250.50", "EUR"));
        assertThat(page.doc().text()).contains("The donation was recorded in the ledger.").contains("1,250.50");
        Map<String, String> dollars = donation("100", "USD");
        dollars.putAll(Map.of("rate", "0.9234", "rateOn", today.toString(), "rateSource", "ECB"));
        page = act(first, id, "/donations", dollars);
        assertThat(page.doc().text()).contains("1,342.84 raised of €60,000.00");
        assertThat(first.get("/staff/fundraising/" + id + "/ledger").doc().text())
                .contains("1 USD = 0.9234 EUR on " + today + " (ECB)").contains("Money held $100.00");

        long need = db.sql("SELECT id FROM need WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        Map<String, String> purchase = new HashMap<>(Map.of("need", String.valueOf(need), "quantity", "1",
                "total", "100", "currency", "USD", "orderedOn", today.toString(), "rate", "0.9234",
                "rateOn", today.toString(), "rateSource", "ECB"));
        assertThat(act(first, id, "/purchases", purchase).doc().text()).contains("The purchase was recorded in the ledger.");
        long purchaseId = db.sql("SELECT id FROM purchase WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        assertThat(first.get("/staff/fundraising/" + id + "/purchases/" + purchaseId).doc().text())
                .contains("$100.00 (= €92.34 at 0.9234, rate of " + today + ", ECB)");

        assertThat(db.sql("""
                        SELECT COUNT(*) FROM audit_event a JOIN ledger_transaction t ON a.target_id = CAST(t.id AS VARCHAR(64))
                        WHERE a.action = 'fundraising.ledger.posted' AND t.fundraiser_id = :f AND a.actor_id = :me""")
                .param("f", id).param("me", firstMember.id()).query(Long.class).single()).isEqualTo(3);
        assertThat(db.sql("SELECT source FROM exchange_rate r JOIN ledger_transaction t ON t.id = r.transaction_id WHERE t.fundraiser_id = :f")
                .param("f", id).query(String.class).list()).containsExactly("ECB", "ECB");
    }

    @Test
    void aBigPurchaseWaitsUntilASecondDifferentTreasurerApprovesItThenIsPaidAndDelivered() {
        long id = FundraisingStaffSupport.fundraiser(first, "EUR", "");
        act(first, id, "/needs", Map.of("item", "Vests", "quantity", "100", "unitCost", "600", "priority", "HIGH"));
        long need = db.sql("SELECT id FROM need WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        Map<String, String> purchase = new HashMap<>(Map.of("need", String.valueOf(need), "quantity", "100",
                "total", "60000", "currency", "EUR", "description", "Level IV vests", "supplierName", "Vest maker",
                "supplierCountry", "IL", "supplierWithheld", "true", "intermediaryName", "Open Dialogue Foundation",
                "intermediaryCountry", "PL"));
        purchase.put("orderedOn", today.toString());
        Browser.Page page = act(first, id, "/purchases", purchase);
        assertThat(page.doc().text()).contains("it waits for a second treasurer's approval").contains("Waits for a second treasurer");
        assertThat(transactions(id, "PURCHASE_ORDERED")).isZero();
        assertThat(page.doc().select("form[action$=/approve]")).isEmpty();

        long approval = db.sql("SELECT id FROM approval WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        Browser.Page refused = first.follow(first.post("/staff/fundraising/" + id + "/approvals/" + approval + "/approve",
                Map.of("_csrf", csrf(page))));
        assertThat(refused.doc().text()).contains("You asked for this yourself: a second, different treasurer must approve it.");
        assertThat(transactions(id, "PURCHASE_ORDERED")).isZero();

        Browser.Page secondsPage = second.get("/staff/fundraising/" + id);
        Browser.Page approved = second.follow(second.submit(secondsPage, "form[action$=/approvals/" + approval + "/approve]"));
        assertThat(approved.doc().text()).contains("Approved and posted to the ledger.");
        assertThat(transactions(id, "PURCHASE_ORDERED")).isOne();
        assertThat(db.sql("SELECT decided_by FROM approval WHERE id = :a").param("a", approval).query(Long.class).single())
                .isEqualTo(secondMember.id());

        long purchaseId = db.sql("SELECT id FROM purchase WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        String purchasePage = "/staff/fundraising/" + id + "/purchases/" + purchaseId;
        for (String step : new String[]{"Paid", "Shipped", "Delivered"}) {
            Browser.Page before = first.get(purchasePage);
            Browser.Page after = first.follow(first.submit(before, "form[action$=/status]", Map.of("on", today.toString())));
            assertThat(after.doc().text()).as(step).contains("The purchase's status was moved on.").contains(step + ": " + today);
        }
        assertThat(transactions(id, "PURCHASE_PAID")).isOne();
        Browser.Page delivered = first.follow(first.submit(first.get(purchasePage), "form[action$=/deliveries]",
                Map.of("quantity", "100", "recipientName", "A unit", "recipientHidden", "true", "deliveredOn", today.toString())));
        assertThat(delivered.doc().text()).contains("The delivery was recorded.").contains("Every item was delivered.")
                .contains("A unit · withheld in public");
        Browser.Page overview = first.get("/staff/fundraising/" + id);
        assertThat(overview.doc().text()).contains("Delivered: €60,000.00").contains("Delivered: 100 worth €60,000.00");
    }

    @Test
    void theTreasurerWhoAskedMayWithdrawAWaitingPurchaseAndNothingIsPosted() {
        long id = FundraisingStaffSupport.fundraiser(first, "EUR", "");
        act(first, id, "/needs", Map.of("item", "Thermal imagers", "quantity", "2", "unitCost", "3000", "priority", "HIGH"));
        long need = db.sql("SELECT id FROM need WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        Browser.Page page = act(first, id, "/purchases", new HashMap<>(Map.of("need", String.valueOf(need), "quantity", "2",
                "total", "6000", "currency", "EUR", "orderedOn", today.toString())));
        long approval = db.sql("SELECT id FROM approval WHERE fundraiser_id = :f").param("f", id).query(Long.class).single();
        Browser.Page withdrawn = first.follow(first.submit(page, "form[action$=/approvals/" + approval + "/reject]"));
        assertThat(withdrawn.doc().text()).contains("Rejected: nothing was posted.").contains("Rejected");
        assertThat(db.sql("SELECT approval FROM purchase WHERE fundraiser_id = :f").param("f", id).query(String.class).single())
                .isEqualTo("REJECTED");
        Browser.Page late = second.follow(second.post("/staff/fundraising/" + id + "/approvals/" + approval + "/approve",
                Map.of("_csrf", csrf(second.get("/staff/fundraising/" + id)))));
        assertThat(late.doc().text()).contains("This request was decided already.");
        assertThat(transactions(id, "PURCHASE_ORDERED")).isZero();
    }

    @Test
    void aCorrectionIsAReversalAndABigOneWaitsForASecondTreasurer() {
        long id = FundraisingStaffSupport.fundraiser(first, "EUR", "");
        act(first, id, "/donations", donation("20", "EUR"));
        act(first, id, "/donations", donation("5000", "EUR"));
        long small = transactionOf(id, "20");
        long big = transactionOf(id, "5000");

        Browser.Page ledgerPage = first.get("/staff/fundraising/" + id + "/ledger");
        Browser.Page reversed = first.follow(first.submit(ledgerPage, "form[action$=/ledger/" + small + "/reverse]",
                Map.of("reason", "typed twice")));
        assertThat(reversed.doc().text()).contains("The transaction was reversed.").contains("reversed by no.");
        assertThat(first.get("/staff/fundraising/" + id).doc().text()).contains("€20.00 (reversed)")
                .doesNotContain("€5,000.00 (reversed)");

        Browser.Page noReason = first.follow(first.submit(reversed, "form[action$=/ledger/" + big + "/reverse]",
                Map.of("reason", " ")));
        assertThat(noReason.doc().text()).contains("Please give the reason for the correction");
        Browser.Page waits = first.follow(first.submit(noReason, "form[action$=/ledger/" + big + "/reverse]",
                Map.of("reason", "bounced")));
        assertThat(waits.doc().text()).contains("The correction waits for a second treasurer's approval.");
        assertThat(raised(id)).isEqualTo(500_000);

        long approval = db.sql("SELECT id FROM approval WHERE transaction_id = :t").param("t", big).query(Long.class).single();
        Browser.Page refused = first.follow(first.post("/staff/fundraising/" + id + "/approvals/" + approval + "/approve",
                Map.of("_csrf", csrf(waits))));
        assertThat(refused.doc().text()).contains("a second, different treasurer must approve it");
        assertThat(raised(id)).isEqualTo(500_000);
        second.follow(second.submit(second.get("/staff/fundraising/" + id), "form[action$=/approvals/" + approval + "/approve]"));
        assertThat(raised(id)).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'fundraising.ledger.reversed' AND target_id IN "
                        + "(SELECT CAST(id AS VARCHAR(64)) FROM ledger_transaction WHERE fundraiser_id = :f)")
                .param("f", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aLedgerRowCannotBeEditedOrDeletedThroughTheApp() {
        long id = FundraisingStaffSupport.fundraiser(first, "EUR", "");
        act(first, id, "/donations", donation("20", "EUR"));
        long tx = transactionOf(id, "20");
        String csrf = csrf(first.get("/staff/fundraising/" + id + "/ledger"));
        String before = rows(id);
        for (String method : new String[]{"PUT", "PATCH", "DELETE"}) {
            for (String path : new String[]{"/ledger/" + tx, "/ledger/" + tx + "/reverse", "/ledger"}) {
                Browser.Page answer = first.method(method, "/staff/fundraising/" + id + path + "?_csrf=" + csrf);
                assertThat(answer.status()).as(method + " " + path).isIn(403, 404, 405);
            }
        }
        for (String path : new String[]{"/ledger/" + tx + "/edit", "/ledger/" + tx + "/delete", "/transactions/" + tx}) {
            assertThat(first.post("/staff/fundraising/" + id + path, Map.of("_csrf", csrf, "amount", "1")).status())
                    .as(path).isIn(403, 404, 405);
        }
        assertThat(rows(id)).isEqualTo(before);
    }

    @Test
    void onlyTreasurersSeeTheFundraisingPages() {
        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        assertThat(moderator.get("/staff/fundraising").status()).isEqualTo(403);
        assertThat(moderator.get("/staff").body()).doesNotContain("/staff/fundraising");
        assertThat(first.get("/staff").body()).contains("/staff/fundraising");
        assertThat(anotherBrowser().get("/staff/fundraising").status()).isEqualTo(302);
    }

    private Map<String, String> donation(String amount, String currency) {
        return new HashMap<>(Map.of("amount", amount, "currency", currency, "receivedOn", today.toString(),
                "channel", "BANK_TRANSFER", "display", "ANONYMOUS"));
    }

    private Browser.Page act(Browser browser, long id, String form, Map<String, String> values) {
        Browser.Page page = browser.get("/staff/fundraising/" + id);
        Browser.Page done = browser.submit(page, "form[action$=/staff/fundraising/" + id + form + "]", values);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        return browser.follow(done);
    }

    private long transactions(long id, String kind) {
        return db.sql("SELECT COUNT(*) FROM ledger_transaction WHERE fundraiser_id = :f AND kind = :k")
                .param("f", id).param("k", kind).query(Long.class).single();
    }

    private long transactionOf(long id, String euros) {
        return db.sql("""
                        SELECT t.id FROM ledger_transaction t JOIN donation d ON d.id = t.donation_id
                        WHERE t.fundraiser_id = :f AND d.amount_minor = :minor AND t.kind = 'DONATION'""")
                .param("f", id).param("minor", Long.parseLong(euros) * 100).query(Long.class).single();
    }

    private long raised(long id) {
        return -db.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry WHERE fundraiser_id = :f AND account = 'DONATIONS'")
                .param("f", id).query(Long.class).single();
    }

    private String rows(long id) {
        return db.sql("SELECT id, transaction_id, account, amount_minor, currency FROM ledger_entry WHERE fundraiser_id = :f ORDER BY id")
                .param("f", id).query().listOfRows().toString();
    }

    static String csrf(Browser.Page page) {
        return page.doc().selectFirst("input[name=_csrf]").attr("value");
    }
}
