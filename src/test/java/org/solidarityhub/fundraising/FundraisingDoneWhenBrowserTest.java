package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.solidarityhub.media.TestPdfs;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's "done when" as one path in Chromium with JavaScript off ({@code e2e/fundraising-done.mjs}): two
 * treasurers sign in with both factors; the first creates Operation Solidarity (EUR), imports a camt.053 statement
 * and records the vests purchase through the Open Dialogue Foundation above the four-eyes amount; the second approves
 * it, moves it to paid, shipped and delivered, records the delivery, publishes a receipt PDF with its account number
 * blacked out, and publishes report "Day 23"; a donor sees it on the public page. Then the server's side is checked (what the pages said is what the ledger holds) and the
 * report is verified with the documented command, {@code tools/verify-fundraising-report}, against this server.
 */
class FundraisingDoneWhenBrowserTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    Fundraising fundraising;

    @Test
    void aTreasurerImportsAStatementAndRecordsTheVestsASecondApprovesThemTheyArriveWithARedactedReceiptDay23IsVerifiedAndADonorSeesIt() throws Exception {
        E2eScripts.requireBrowser();
        StaffFixture.Member first = staff.member(uniqueEmail("treasurer-1"), StaffRole.TREASURER);
        StaffFixture.Member second = staff.member(uniqueEmail("treasurer-2"), StaffRole.TREASURER);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String slug = "operation-solidarity-" + tag;
        Path screenshots = Files.createDirectories(E2eScripts.screenshots("fundraising-done"));
        // the bank references made unique: the keys of imported lines are kept for good (on PostgreSQL across runs)
        Path statement = Files.write(screenshots.resolve("camt053-statement.xml"), ImportFiles.unique("camt053-v02.xml", tag));
        // the canary receipt of the media tests: its account number lies under FundraisingReceiptsTest.STRIPES_PERCENT
        Path receipt = Files.write(screenshots.resolve("receipt.pdf"), TestPdfs.receipt());
        Duration clockOffset = Duration.between(Instant.now(), applicationClock.instant());

        E2eScripts.Run run = E2eScripts.run("fundraising-done.mjs", Map.ofEntries(
                Map.entry("BASE_URL", "http://localhost:" + port), Map.entry("SLUG", slug),
                Map.entry("STATEMENT", statement.toString()), Map.entry("RECEIPT", receipt.toString()),
                Map.entry("REGIONS", FundraisingReceiptsTest.STRIPES_PERCENT), Map.entry("TODAY", LocalDate.now(applicationClock).toString()),
                Map.entry("TREASURER_1_EMAIL", first.email()), Map.entry("TREASURER_1_PASSWORD", first.password()),
                Map.entry("TREASURER_1_TOTP", first.totpSecret()),
                Map.entry("TREASURER_2_EMAIL", second.email()), Map.entry("TREASURER_2_PASSWORD", second.password()),
                Map.entry("TREASURER_2_TOTP", second.totpSecret()),
                Map.entry("CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis())),
                Map.entry("SCREENSHOT_DIR", screenshots.toString())));
        assertThat(run.exitCode()).as("exit code of node e2e/fundraising-done.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
        long id = printed(run, "FUNDRAISER_ID");
        long purchase = printed(run, "PURCHASE_ID");

        // the import: three booked credits, anonymous bank transfers, one of them converted from UAH at the typed rate
        assertThat(db.sql("SELECT slug FROM fundraiser WHERE id = :f").param("f", id).query(String.class).single()).isEqualTo(slug);
        assertThat(db.sql("SELECT COUNT(*) FROM donation WHERE fundraiser_id = :f AND channel = 'BANK_TRANSFER' AND display = 'ANONYMOUS'")
                .param("f", id).query(Long.class).single()).isEqualTo(3);
        assertThat(db.sql("SELECT source FROM exchange_rate r JOIN ledger_transaction t ON t.id = r.transaction_id WHERE t.fundraiser_id = :f")
                .param("f", id).query(String.class).list()).containsExactly("NBU");
        assertThat(sum(id, "DONATIONS")).isEqualTo(-157_050);

        // four eyes: asked by the first treasurer, decided by the second, posted once; then paid and delivered in full
        assertThat(db.sql("SELECT requested_by, decided_by FROM approval WHERE purchase_id = :p").param("p", purchase)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single()).containsExactly(first.id(), second.id());
        assertThat(db.sql("SELECT approval, status FROM purchase WHERE id = :p").param("p", purchase)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("APPROVED DELIVERED");
        assertThat(db.sql("SELECT kind FROM ledger_transaction WHERE fundraiser_id = :f AND kind <> 'DONATION' ORDER BY id")
                .param("f", id).query(String.class).list()).containsExactly("PURCHASE_ORDERED", "PURCHASE_PAID", "DELIVERY");
        assertThat(sum(id, "GOODS_DELIVERED")).isEqualTo(6_000_000);
        assertThat(sum(id, "GOODS_ORDERED")).isZero();
        assertThat(db.sql("SELECT SUM(quantity) FROM delivery WHERE purchase_id = :p").param("p", purchase)
                .query(Long.class).single()).isEqualTo(100);

        // the receipt: its published copy (both pages) black under the box, free of the PDF's strings; the original private
        Fundraiser fundraiser = fundraising.fundraiser(slug).orElseThrow();
        List<Fundraising.PublicReceipt> receipts = fundraising.receipts(fundraiser, purchase);
        assertThat(receipts).hasSize(1);
        assertThat(receipts.getFirst().pages()).hasSize(2);
        assertThat(printedText(run, "RECEIPT_THUMBNAIL")).as("the thumbnail the donor saw")
                .isEqualTo(receipts.getFirst().pages().getFirst().thumbnailUrl());
        Browser donor = anotherBrowser();
        for (Fundraising.PublicImage image : receipts.getFirst().pages()) {
            for (String url : List.of(image.webUrl(), image.thumbnailUrl())) {
                String served = new String(donor.bytes(url).body(), StandardCharsets.ISO_8859_1);
                for (String canary : TestPdfs.canaries()) {
                    assertThat(served).as("%s carries a string of the PDF", url).doesNotContain(canary);
                }
            }
        }
        BufferedImage copy = FundraisingReceiptsTest.image(donor.bytes(receipts.getFirst().pages().getFirst().webUrl()));
        assertThat(FundraisingReceiptsTest.brightest(copy, FundraisingReceiptsTest.stripes(copy)))
                .as("the public copy is black under the box").isLessThanOrEqualTo(8);
        assertThat(db.sql("SELECT action FROM audit_event WHERE target_type = 'purchase' AND target_id = :p AND actor_id = :t ORDER BY id")
                .param("p", String.valueOf(purchase)).param("t", second.id()).query(String.class).list())
                .containsSubsequence("fundraising.receipt.uploaded", "fundraising.receipt.redacted", "fundraising.receipt.published");

        // report no. 1 as the donor saw it, verified with the documented command against this server
        String reportHash = printedText(run, "REPORT_SHA256");
        String rowsHash = printedText(run, "ROWS_SHA256");
        assertThat(db.sql("SELECT title, rows_sha256, report_sha256, published_by FROM fundraising_report WHERE fundraiser_id = :f AND number = 1")
                .param("f", id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).single())
                .containsExactly("Day 23", rowsHash, reportHash, second.id());
        Verification verified = verify("http://localhost:" + port, slug, "1", "--expect", reportHash);
        assertThat(verified.exitCode()).as("exit code of tools/verify-fundraising-report, which printed:\n%s", verified.output()).isZero();
        assertThat(verified.output()).contains("report 1 (Day 23): rows " + rowsHash + " report " + reportHash + " OK")
                .contains("the last report is the one you expected").doesNotContain("FAILED");
        Verification wrong = verify("http://localhost:" + port, slug, "1", "--expect", "0".repeat(64));
        assertThat(wrong.exitCode()).as("a hash saved from another report: %s", wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).contains("FAILED: the last report hashes to " + reportHash);
    }

    /** What {@code tools/verify-fundraising-report} printed and how it ended. */
    private record Verification(int exitCode, String output) {
    }

    /** Runs the documented command {@code tools/verify-fundraising-report} as a process, as a donor would. */
    private static Verification verify(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("tools/verify-fundraising-report").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tools/verify-fundraising-report finished").isTrue();
        return new Verification(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private long sum(long fundraiser, String account) {
        return db.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry WHERE fundraiser_id = :f AND account = :a AND currency = 'EUR'")
                .param("f", fundraiser).param("a", account).query(Long.class).single();
    }

    /** A number the script printed as {@code NAME 123}. */
    private static long printed(E2eScripts.Run run, String name) {
        return Long.parseLong(printedText(run, name));
    }

    /** A value the script printed on a line of its own as {@code NAME value}. */
    private static String printedText(E2eScripts.Run run, String name) {
        Matcher matcher = Pattern.compile("^" + name + " (\\S+)$", Pattern.MULTILINE).matcher(run.output());
        assertThat(matcher.find()).as("the script printed %s:\n%s", name, run.output()).isTrue();
        return matcher.group(1);
    }
}
