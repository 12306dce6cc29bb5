package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbered reports: a treasurer publishes one over HTTP; anyone recomputes its hashes with curl and sha256sum (here:
 * the same bytes over HTTP, and the repository's verify script); a ledger row changed directly in the database (as an
 * attacker with database access would) makes verification fail, a reversal keeps earlier reports valid.
 */
class NumberedReportsTest extends WebTest {

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
    TransactionTemplate transactions;
    @Autowired
    StaffFixture staff;

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
    void aTreasurerPublishesAReportWhoseHashesAnyoneCanRecomputeFromTheServedTexts() throws Exception {
        Browser treasurer = anotherBrowser();
        staff.signIn(treasurer, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        String staffPage = "/staff/fundraising/" + made.fundraiser().id() + "/reports";
        Browser.Page form = treasurer.get(staffPage);
        Browser.Page done = treasurer.follow(treasurer.submit(form, "form[action$=/reports]", Map.of("title", "Day 23")));
        assertThat(done.doc().select(".notice").text()).isEqualTo("Report 1 is published.");

        Browser.Page page = browser.open("/en/fundraisers/" + slug + "/reports/1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("h1").text()).isEqualTo("No. 1: Day 23");
        assertThat(page.doc().select(".report-raised").text()).isEqualTo("€1,500.00");
        assertThat(page.doc().select(".report-ordered").text()).isEqualTo("€900.00");
        assertThat(page.doc().select(".report-delivered").text()).isEqualTo("€360.00");
        String rowsSha = page.doc().select("code.rows-sha256").text();
        String reportSha = page.doc().select("code.report-sha256").text();

        Browser.Page rows = browser.get(page.doc().select("a.rows-link").attr("href"));
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(sha256(rows.body())).isEqualTo(rowsSha);
        // donation (2 rows), donation (2), purchase ordered (2), paid (2), delivery (2)
        assertThat(rows.body().lines()).hasSize(10).allMatch(line -> line.split("\\|", -1).length == 16);
        assertThat(rows.body()).doesNotContain("Friends of Kyiv", "Unit 123", "Secret supplier");
        Browser.Page text = browser.get(page.doc().select("a.report-link").attr("href"));
        assertThat(sha256(text.body())).isEqualTo(reportSha);
        assertThat(text.body()).contains("number: 1\n", "title: Day 23\n", "rows-sha256: " + rowsSha + "\n",
                "previous-report-sha256: none\n");
        assertThat(browser.open("/en/fundraisers/" + slug + "/reports/1/verify").doc().select(".verdict").text())
                .startsWith("Verified");
        assertThat(verifyScript(slug, "1")).startsWith("0\n").contains("report 1 (Day 23)").contains("OK");
        assertThat(verifyScript(slug, "1", "--expect", reportSha)).startsWith("0\n");
    }

    @Test
    void aLedgerRowChangedDirectlyInTheDatabaseMakesVerificationFail() throws Exception {
        NumberedReport report = reports.publish(made.fundraiser(), "Day 1", null);
        String rowsBefore = browser.get("/fundraisers/" + slug + "/reports/1/rows.txt").body();
        assertThat(sha256(rowsBefore)).isEqualTo(report.rowsSha256());

        // an attacker with database access makes a donation smaller, on both sides so the ledger still balances
        long tx = db.sql("SELECT MIN(id) FROM ledger_transaction WHERE fundraiser_id = :f AND kind = 'DONATION'")
                .param("f", made.fundraiser().id()).query(Long.class).single();
        db.sql("UPDATE ledger_entry SET amount_minor = amount_minor / 2 WHERE transaction_id = :tx")
                .param("tx", tx).update();

        Browser.Page verify = browser.open("/en/fundraisers/" + slug + "/reports/1/verify");
        assertThat(verify.doc().select(".verdict").text()).startsWith("Not verified");
        assertThat(verify.doc().select(".rows-check").text()).contains("DIFFERS");
        assertThat(sha256(browser.get("/fundraisers/" + slug + "/reports/1/rows.txt").body()))
                .isNotEqualTo(report.rowsSha256());
        assertThat(verifyScript(slug, "1")).startsWith("1\n").contains("rows differ from the report");

        // and one who rewrites the report's stored hashes too breaks its own hash and the saved copy of it
        String newRows = sha256(browser.get("/fundraisers/" + slug + "/reports/1/rows.txt").body());
        db.sql("UPDATE fundraising_report SET rows_sha256 = :sha WHERE id = :id").param("sha", newRows)
                .param("id", report.id()).update();
        assertThat(browser.open("/en/fundraisers/" + slug + "/reports/1/verify").doc().select(".report-check").text())
                .contains("DIFFERS");
        assertThat(verifyScript(slug, "1", "--expect", report.reportSha256())).startsWith("1\n");
    }

    @Test
    void aReversalKeepsEarlierReportsValidAndTheNextReportChainsToThePrevious() throws Exception {
        NumberedReport first = reports.publish(made.fundraiser(), "Day 1", null);
        long tx = db.sql("SELECT MIN(id) FROM ledger_transaction WHERE fundraiser_id = :f AND kind = 'DONATION'")
                .param("f", made.fundraiser().id()).query(Long.class).single();
        transactions.executeWithoutResult(status -> ledger.reverse(tx, LocalDate.parse("2026-03-06"),
                "entered twice", null));
        fixture.donate(made.fundraiser().id(), "70", Donation.Display.ANONYMOUS, null, null);

        assertThat(reports.verify(made.fundraiser(), first).verified()).isTrue();
        NumberedReport second = reports.publish(made.fundraiser(), "Day 2", null);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.previousSha256()).isEqualTo(first.reportSha256());
        assertThat(second.rowCount()).isEqualTo(first.rowCount() + 4);
        assertThat(reports.verify(made.fundraiser(), second).verified()).isTrue();
        Browser.Page page = browser.open("/en/fundraisers/" + slug + "/reports/2");
        assertThat(page.doc().select("code.previous-sha256").text()).isEqualTo(first.reportSha256());
        assertThat(page.doc().select(".report-raised").text()).isEqualTo("€570.00");
        assertThat(browser.open("/en/fundraisers/" + slug + "/reports/1").doc().select(".report-raised").text())
                .isEqualTo("€1,500.00");
        assertThat(verifyScript(slug, null)).startsWith("0\n").contains("report 1 (Day 1)", "report 2 (Day 2)");

        // the first report's row changed: the first fails, and the chain of the second still names the old hash
        db.sql("UPDATE fundraising_report SET title = 'Day one' WHERE id = :id").param("id", first.id()).update();
        assertThat(reports.verify(made.fundraiser(), reports.find(made.fundraiser().id(), 2).orElseThrow()).chainIntact())
                .isFalse();
        assertThat(verifyScript(slug, null)).startsWith("1\n");
    }

    @Test
    void reportsPublishedWhileDonationsArePostedGetOneNumberEachAndStayVerified() throws Exception {
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean publisher = i % 2 == 0;
            done.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < 3; n++) {
                    if (publisher) {
                        try {
                            reports.publish(made.fundraiser(), "Day " + n, null);
                        } catch (org.solidarityhub.platform.BadInputException concurrent) {
                            assertThat(concurrent.reasonKey()).isEqualTo("fundraising.report.concurrent");
                        }
                    } else {
                        fixture.donate(made.fundraiser().id(), "1" + n, Donation.Display.ANONYMOUS, null, null);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<NumberedReport> all = reports.all(made.fundraiser().id());
        assertThat(all).isNotEmpty();
        assertThat(all.stream().map(NumberedReport::number).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, all.size()).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        for (NumberedReport r : all) {
            assertThat(reports.verify(made.fundraiser(), r).verified()).as("report " + r.number()).isTrue();
        }
        assertThat(verifyScript(slug, null)).startsWith("0\n");
    }

    @Test
    void badTitlesGetAClearMessageAndOnlyTreasurersPublish() {
        Browser treasurer = anotherBrowser();
        staff.signIn(treasurer, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        String staffPage = "/staff/fundraising/" + made.fundraiser().id() + "/reports";
        for (Map.Entry<String, String> bad : Map.of("   ", "Please give the report a title",
                "x".repeat(101), "at most 100 characters").entrySet()) {
            Browser.Page refused = treasurer.submit(treasurer.get(staffPage), "form[action$=/reports]",
                    Map.of("title", bad.getKey()));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.doc().select(".alert").text()).contains(bad.getValue());
        }
        // a control character is refused before the form is looked at (platform.InputScreeningFilter), with its message
        Browser.Page control = treasurer.submit(treasurer.get(staffPage), "form[action$=/reports]",
                Map.of("title", "Day\u000b23"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.doc().select("main").text()).isNotBlank();
        assertThat(reports.all(made.fundraiser().id())).isEmpty();

        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        assertThat(moderator.get(staffPage).status()).isEqualTo(403);
        assertThat(anotherBrowser().get(staffPage).status()).isIn(302, 401, 403);
    }

    /** Runs tools/verify-fundraising-report against this server: the exit code, a newline, then what it printed. */
    private String verifyScript(String slug, String number, String... more) throws Exception {
        Path script = Path.of("tools/verify-fundraising-report").toAbsolutePath();
        assertThat(Files.isExecutable(script)).isTrue();
        List<String> command = new java.util.ArrayList<>(List.of("python3", script.toString(),
                "http://localhost:" + port, slug));
        if (number != null) {
            command.add(number);
        }
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + "\n" + output;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
