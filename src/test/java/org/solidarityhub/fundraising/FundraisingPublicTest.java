package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.ProblemDetails;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public side over real HTTP, as a donor without JavaScript reads it (jsoup parses what the server sent; no
 * script runs): the fundraiser's page, its ledger with filters and pages, the exports, the API and the widget.
 */
class FundraisingPublicTest extends WebTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Fundraisers fundraisers;
    @Autowired
    Donations donations;
    @Autowired
    Purchases purchases;
    @Autowired
    Deliveries deliveries;
    @Autowired
    NumberedReports reports;
    @Autowired
    Ledger ledger;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    PublicFundraisingFixture fixture;
    PublicFundraisingFixture.Made made;
    String slug;

    @BeforeEach
    void aFundraiser() {
        fixture = new PublicFundraisingFixture(fundraisers, donations, purchases, deliveries);
        made = fixture.open();
        slug = made.fundraiser().slug();
    }

    @Test
    void aDonorSeesRaisedAgainstTheGoalTheBarsThePurchaseAndHowToGiveWithoutJavaScript() {
        Browser.Page page = browser.open("/en/fundraisers/" + slug);
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.doc();
        assertThat(doc.select("script").not("[src*=/js/share-]")).as("no script but the share links' enhancement").isEmpty();
        assertThat(doc.select(".raised-figures").text()).contains("€1,500.00").contains("€10,000.00").contains("15%");
        assertThat(doc.select(".raised progress").attr("value")).isEqualTo("15");
        // helmets: 1,000 funded of 3,000 (33%), 5 of 10 ordered, 2 of 10 delivered
        assertThat(doc.select("#need-" + made.helmets() + " progress.funded").attr("value")).isEqualTo("33");
        assertThat(doc.select("#need-" + made.helmets() + " progress.ordered").attr("value")).isEqualTo("50");
        assertThat(doc.select("#need-" + made.helmets() + " progress.delivered").attr("value")).isEqualTo("20");
        assertThat(doc.select("#need-" + made.medicine() + " progress.funded").attr("value")).isEqualTo("0");
        String purchase = doc.select("#purchase-" + made.purchase()).text();
        assertThat(purchase).contains("5 × Helmets", "€900.00", "Helping Hands", "withheld for safety")
                .doesNotContain("Secret supplier", "Unit 123");
        assertThat(doc.select("#purchase-" + made.purchase() + " .status li.done").eachText())
                .containsExactly("Ordered 2 March 2026", "Paid 3 March 2026");
        assertThat(doc.select(".how-to-give").text()).contains("IBAN UA00 0000 (example)");
        assertThat(page.body()).doesNotContain("Secret supplier", "Unit 123", "Friends of Kyiv");
    }

    @Test
    void theLedgerShowsDonorsOnlyAsTheyChoseAndFiltersByKindMonthAndNeedInPages() {
        Browser.Page allPage = browser.open("/en/fundraisers/" + slug + "/ledger");
        assertThat(allPage.status()).as(allPage.body()).isEqualTo(200);
        Document all = allPage.doc();
        assertThat(all.select("table.ledger tbody tr")).hasSize(5);
        assertThat(all.select("table.ledger").text()).contains("Friends of Kyiv", "Anonymous");
        Document gifts = browser.open("/en/fundraisers/" + slug + "/ledger?kind=donation").doc();
        assertThat(gifts.select("table.ledger tbody tr")).hasSize(2);
        Document helmets = browser.open("/en/fundraisers/" + slug + "/ledger?need=" + made.helmets()).doc();
        assertThat(helmets.select("table.ledger tbody tr")).hasSize(3); // the earmarked gift, the order, the delivery
        Browser.Page marchPage = browser.open("/en/fundraisers/" + slug + "/ledger?month=2026-03");
        assertThat(marchPage.status()).as(marchPage.doc().select("main").text()).isEqualTo(200);
        Document march = marchPage.doc();
        assertThat(march.select("table.ledger tbody tr")).hasSize(5);
        Document february = browser.open("/en/fundraisers/" + slug + "/ledger?month=2026-02").doc();
        assertThat(february.select("table.ledger tbody tr")).isEmpty();
        assertThat(february.text()).contains("No transaction matches.");
        Document second = browser.open("/en/fundraisers/" + slug + "/ledger?page=2").doc();
        assertThat(second.select("table.ledger tbody tr")).isEmpty();
    }

    @Test
    void aReversedDonationNoLongerNamesItsDonor() {
        long tx = db.sql("""
                        SELECT t.id FROM ledger_transaction t JOIN donation d ON d.id = t.donation_id
                        WHERE d.fundraiser_id = :f AND d.public_name = 'Friends of Kyiv'""")
                .param("f", made.fundraiser().id()).query(Long.class).single();
        transactions.executeWithoutResult(status -> ledger.reverse(tx, java.time.LocalDate.parse("2026-03-06"),
                "the donor asked to stay anonymous", null));
        Document ledgerPage = browser.open("/en/fundraisers/" + slug + "/ledger").doc();
        assertThat(ledgerPage.select("table.ledger tbody tr")).hasSize(6);
        assertThat(ledgerPage.text()).doesNotContain("Friends of Kyiv");
        assertThat(browser.get("/api/v1/fundraisers/" + slug + "/ledger.csv").body()).doesNotContain("Friends of Kyiv");
    }

    @Test
    void badFiltersAndPagesGetAClearMessageNeverAnError() {
        for (String query : new String[]{"kind=gift", "month=2026-13", "month=March", "need=abc", "page=0", "page=-1",
                "page=999999999999"}) {
            Browser.Page page = browser.open("/en/fundraisers/" + slug + "/ledger?" + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.doc().select("main").text()).as(query).containsAnyOf("Please choose a kind",
                    "Please give the month", "Please choose a need", "There is no such page");
        }
        assertThat(browser.open("/en/fundraisers/no-such-fundraiser").status()).isEqualTo(404);
        assertThat(browser.open("/en/fundraisers/" + slug + "/reports/7").status()).isEqualTo(404);
        assertThat(browser.open("/en/fundraisers/" + slug + "/reports/abc").status()).isEqualTo(404);
    }

    @Test
    void theApiAnswersUnknownFundraisersAndBadFiltersWithProblemDetails() {
        ProblemDetails.assertProblem(browser.get("/api/v1/fundraisers/no-such-fundraiser"), 404,
                "/api/v1/fundraisers/no-such-fundraiser");
        ProblemDetails.assertProblem(browser.get("/api/v1/fundraisers/no-such-fundraiser/ledger.csv"), 404,
                "/api/v1/fundraisers/no-such-fundraiser/ledger.csv");
        JsonNode problem = ProblemDetails.assertProblem(browser.get("/api/v1/fundraisers/" + slug
                + "/ledger?page=0&kind=x&month=1999-01&need=-3"), 400, "/api/v1/fundraisers/" + slug + "/ledger");
        assertThat(problem.path("errors").propertyNames()).containsExactly("kind", "month", "need", "page");
    }

    @Test
    void theApiListsTheFundraiserWithNeedsPurchasesAndItsLedgerPaged() {
        JsonNode list = JSON.readTree(browser.get("/api/v1/fundraisers").body());
        assertThat(list.findValuesAsString("slug")).contains(slug);
        JsonNode one = JSON.readTree(browser.get("/api/v1/fundraisers/" + slug).body());
        assertThat(one.path("fundraiser").path("raised").path("minor").asLong()).isEqualTo(150_000);
        assertThat(one.path("needs").get(0).path("item").asString()).isEqualTo("Helmets");
        assertThat(one.path("needs").get(0).path("deliveredItems").asLong()).isEqualTo(2);
        JsonNode purchase = one.path("purchases").get(0);
        assertThat(purchase.path("status").asString()).isEqualTo("PAID");
        assertThat(purchase.path("supplier").isNull()).isTrue();
        assertThat(purchase.path("supplierWithheld").asBoolean()).isTrue();
        assertThat(purchase.path("intermediary").asString()).isEqualTo("Helping Hands");
        assertThat(purchase.path("deliveries").get(0).path("recipient").isNull()).isTrue();
        assertThat(one.toString()).doesNotContain("Secret supplier", "Unit 123");
        JsonNode ledger = JSON.readTree(browser.get("/api/v1/fundraisers/" + slug + "/ledger?kind=DONATION").body());
        assertThat(ledger.path("total").asLong()).isEqualTo(2);
        assertThat(ledger.path("transactions").findValuesAsString("donor")).contains("Friends of Kyiv");
        assertThat(ledger.path("transactions").get(0).path("entries").size()).isEqualTo(2);
    }

    @Test
    void theCsvExportDefusesFormulasAndKeepsAmountsAsNumbers() {
        fixture.donate(made.fundraiser().id(), "12.34", Donation.Display.NAME, "=HYPERLINK(\"http://evil\")", null);
        Browser.Page csv = browser.get("/api/v1/fundraisers/" + slug + "/ledger.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("transaction,occurred_on,kind,");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").doesNotContain(",=HYPERLINK");
        assertThat(csv.body()).contains(",DONATIONS,,,-12.34,EUR,");
    }

    @Test
    void theWidgetHasNoScriptAndMayBeFramedByAnySiteAndItsJsonIsSmall() {
        Browser.Page widget = browser.open("/en/embed/fundraisers/" + slug);
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.doc().select("script")).isEmpty();
        assertThat(widget.doc().select("progress").attr("value")).isEqualTo("15");
        assertThat(widget.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors *"));
        assertThat(widget.header("X-Frame-Options")).isEmpty();
        JsonNode json = JSON.readTree(browser.get("/api/v1/fundraisers/" + slug + "/widget").body());
        assertThat(json.path("raised").path("amount").asString()).isEqualTo("1500.00");
        assertThat(json.path("goalPercent").asInt()).isEqualTo(15);
    }

    @Test
    void aNewDonationShowsOnTheNextRequestOfTheCachedPage() {
        String before = browser.open("/en/fundraisers/" + slug).doc().select(".raised-figures").text();
        assertThat(before).contains("€1,500.00");
        fixture.donate(made.fundraiser().id(), "250", Donation.Display.ANONYMOUS, null, null);
        assertThat(browser.open("/en/fundraisers/" + slug).doc().select(".raised-figures").text()).contains("€1,750.00");
    }

    @Test
    void everyPublicPageAndExportHasAValidatorAShareableLifetimeAndNoCookie() {
        reports.publish(made.fundraiser(), "Day 1", null);
        for (String url : new String[]{"/en/fundraisers", "/uk/fundraisers/" + slug, "/en/fundraisers/" + slug + "/ledger?kind=DONATION",
                "/en/fundraisers/" + slug + "/reports/1", "/en/fundraisers/" + slug + "/reports/1/verify",
                "/fundraisers/" + slug + "/reports/1/rows.txt", "/fundraisers/" + slug + "/reports/1/report.txt",
                "/en/embed/fundraisers/" + slug, "/api/v1/fundraisers", "/api/v1/fundraisers/" + slug,
                "/api/v1/fundraisers/" + slug + "/ledger?page=1", "/api/v1/fundraisers/" + slug + "/ledger.csv",
                "/api/v1/fundraisers/" + slug + "/widget"}) {
            Browser.Page page = anotherBrowser().get(url);
            assertThat(page.status()).as(url).isEqualTo(200);
            assertThat(page.header("ETag")).as(url).isPresent();
            assertThat(page.header("Cache-Control")).as(url).hasValueSatisfying(c -> assertThat(c).contains("public", "max-age"));
            assertThat(page.setCookies()).as(url).isEmpty();
            assertThat(anotherBrowser().get(url, "If-None-Match", page.header("ETag").orElseThrow()).status()).as(url)
                    .isEqualTo(304);
        }
    }

    @Test
    void draftsAreNotPublic() {
        fundraisers.change(made.fundraiser().id(), new Fundraisers.Settings(made.fundraiser().title(),
                made.fundraiser().summary(), "10000", "", made.fundraiser().howToGive(), "DRAFT"));
        assertThat(browser.open("/en/fundraisers/" + slug).status()).isEqualTo(404);
        assertThat(browser.get("/api/v1/fundraisers/" + slug).status()).isEqualTo(404);
        assertThat(browser.open("/en/fundraisers").body()).doesNotContain(slug);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
