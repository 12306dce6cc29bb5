package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fundraiser of seed 003, as a donor sees it without JavaScript. */
class FundraisingDemoContentTest extends WebTest {

    @Autowired
    FundraisingDemoContent demo;

    @Test
    void operationSolidarityShowsTheVestsBoughtThroughTheOpenDialogueFoundationTheOpenNeedsAndReportDay23() {
        demo.load();
        assertThat(demo.load()).as("loading twice changes nothing").isZero();

        Document page = browser.open("/en/fundraisers/" + FundraisingDemoContent.SLUG).doc();
        assertThat(page.select("h1").text()).isEqualTo("Operation Solidarity");
        assertThat(page.select(".needs h3").eachText()).anyMatch(t -> t.startsWith("Helmets"))
                .anyMatch(t -> t.startsWith("Unloading vests")).anyMatch(t -> t.startsWith("Tactical medicine"))
                .anyMatch(t -> t.startsWith("Thermal imagers")).anyMatch(t -> t.startsWith("Clothing"));
        String purchase = page.select(".purchase").first().text();
        assertThat(purchase).contains("100 × Bulletproof vests, class 4", "€60,000.00", "Open Dialogue Foundation",
                "withheld for safety", "Delivered");
        assertThat(page.select(".purchase .deliveries").text()).contains("100 items").contains("withheld for safety")
                .doesNotContain("Territorial Defense");
        assertThat(page.select("#reports").text()).contains("No. 1: Day 23");

        Document report = browser.open("/en/fundraisers/" + FundraisingDemoContent.SLUG + "/reports/1").doc();
        assertThat(report.select(".report-ordered").text()).isEqualTo("€60,000.00");
        assertThat(report.select(".report-delivered").text()).isEqualTo("€0.00");
        assertThat(browser.open("/en/fundraisers/" + FundraisingDemoContent.SLUG + "/reports/1/verify").doc()
                .select(".verdict").text()).startsWith("Verified");
        // the canonical rows: sixteen fields, the typed rate as a plain decimal, the same on H2 and PostgreSQL
        String rows = browser.get("/fundraisers/" + FundraisingDemoContent.SLUG + "/reports/1/rows.txt").body();
        assertThat(rows).endsWith("\n").doesNotContain("\r");
        assertThat(rows.lines()).anyMatch(line -> line.matches(
                "\\d+\\|\\d+\\|2022-03-07\\|DONATION\\|\\|\\d+\\|\\|\\|EXCHANGE\\|\\|-5000000\\|PLN\\|\\|0\\.2096\\|2022-03-07\\|NBP"));
        assertThat(rows.lines()).anyMatch(line -> line.matches(
                "\\d+\\|\\d+\\|2022-03-16\\|PURCHASE_ORDERED\\|\\|\\|\\d+\\|\\|GOODS_ORDERED\\|\\d+\\|6000000\\|EUR\\|100\\|\\|\\|"));
        Document ledger = browser.open("/en/fundraisers/" + FundraisingDemoContent.SLUG + "/ledger?kind=DONATION").doc();
        assertThat(ledger.select("table.ledger").text()).contains("Black Mosquito", "Friends in Berlin", "Anonymous");
    }
}
