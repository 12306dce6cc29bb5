package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.fundraising.BankImportTestSupport.importId;
import static org.solidarityhub.fundraising.BankImportTestSupport.upload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.submissions.Retention;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every class of bad bank export gets a clear message or an import report over HTTP, never a 500, and nothing is written. */
class BankImportBadInputTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    Retention retention;

    long eur;

    @BeforeEach
    void treasurer() {
        staff.signIn(browser, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        eur = LedgerFixture.fundraiser(db, "EUR");
    }

    private long donations() {
        return BankImportTestSupport.donations(db, eur);
    }

    @Test
    void anEmptyFileIsRefusedOnTheUploadPage() {
        Browser.Page page = upload(browser, eur, "empty.csv", new byte[0]);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#import-refused")).isEqualTo("The file is empty.");
    }

    @Test
    void aFileLargerThanTheLimitIsRefused() {
        byte[] large = new byte[BankImports.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'a');

        Browser.Page page = upload(browser, eur, "huge.csv", large);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#import-refused")).isEqualTo("The file is larger than 10 MB. Export a shorter period.");
    }

    @Test
    void anUploadWithoutAFundraiserIsRefused() {
        Browser.Page form = browser.open("/staff/fundraising/imports");
        Browser.Page page = browser.submitMultipart(form, "form.import-upload", Map.of("fundraiser", "999999999"),
                List.of(new Browser.FilePart("file", "x.csv", "text/csv", "a;b\n".getBytes(StandardCharsets.UTF_8))));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#import-refused")).isEqualTo("Choose a fundraiser.");
    }

    @Test
    void aBinaryFileIsNotReadAsACsv() {
        Browser.Page page = upload(browser, eur, "not-a-csv.png");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#sample-problem")).startsWith("This is not a text file.");
        assertThat(page.doc().select("form.import-mapping")).isEmpty();
    }

    @Test
    void aCsvInAnotherEncodingThanChosenIsRefusedAsTheWrongEncoding() {
        Browser.Page mapping = upload(browser, eur, "bank-utf8.csv");

        Browser.Page wrong = browser.get("/staff/fundraising/imports/" + importId(mapping) + "/mapping?encoding=windows-1251");

        assertThat(wrong.text("#sample-problem")).isEqualTo(
                "The file is not written in windows-1251. Choose another encoding (or Detect) and read it again.");
    }

    @Test
    void brokenCsvRowsAreListedWithTheirLinesAndOnlyTheGoodOnesCanBeImported() {
        Browser.Page mapping = upload(browser, eur, "bank-broken.csv");
        Browser.Page preview = browser.follow(browser.submit(mapping, "form.import-mapping", Map.of("dateColumn", "1",
                "amountMode", "SIGNED", "amountColumn", "2", "currencyColumn", "3", "referenceColumn", "4",
                "counterpartyColumn", "5", "bankIdColumn", "6", "decimalSeparator", "COMMA", "dateFormat", "dd.MM.uuuu")));

        List<String> broken = preview.doc().select("#broken li").eachText();
        assertThat(broken).containsExactly(
                "Line 2: " + broken.getFirst().substring("Line 2: ".length()),
                "Line 3: the date is not a date in the chosen format.",
                "Line 4: the currency is not an ISO 4217 currency one can give.",
                "Line 5: no amount.",
                "Line 6: the amount uses another decimal separator than the one chosen.",
                "Line 7: the row has no column 3.",
                "Line 9: no currency.",
                "Line 11: a quoted value is not closed; the file may be cut off here.");
        assertThat(broken.getFirst()).doesNotContain("??").contains("EUR");
        assertThat(preview.text("#remarks")).contains("Line 8:", "spreadsheet formula");
        assertThat(preview.text("#line-8")).contains("'=HYPERLINK(");
        assertThat(preview.doc().select("table.import-lines a")).as("a formula never becomes a link").isEmpty();
        assertThat(preview.doc().select("table.import-lines tbody tr")).hasSize(2);
        assertThat(donations()).isZero();
    }

    @Test
    void aTruncatedStatementIsRefusedWholeWithItsLine() {
        Browser.Page preview = upload(browser, eur, "camt053-truncated.xml");

        assertThat(preview.text("#broken li")).startsWith("The file is cut off or is not well-formed XML (line ");
        assertThat(preview.doc().select("table.import-lines")).isEmpty();
        assertThat(preview.doc().select("form.import-confirm")).isEmpty();
    }

    @Test
    void aStatementWithADoctypeIsNotReadSoNoEntityIsResolved() {
        Browser.Page preview = upload(browser, eur, "camt053-xxe.xml");

        assertThat(preview.text("#broken li")).startsWith("The file declares a DOCTYPE");
        assertThat(preview.doc().select("form.import-confirm")).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM bank_import_line WHERE import_id = :id").param("id", importId(preview))
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherIso20022MessageIsNotTakenForAStatement() {
        Browser.Page preview = upload(browser, eur, "camt052-report.xml");

        assertThat(preview.text("#broken li")).isEqualTo("This is not an ISO 20022 camt.053 bank statement (version 02 or later).");
    }

    @Test
    void brokenStatementEntriesAreListedAndTheGoodOneStays() {
        Browser.Page preview = upload(browser, eur, "camt053-broken-entries.xml");

        assertThat(preview.doc().select("#broken li")).hasSize(5);
        assertThat(preview.text("#broken")).contains("Line 19: the currency is not an ISO 4217 currency one can give.");
        assertThat(preview.doc().select("table.import-lines tbody tr")).hasSize(1);
    }

    @Test
    void aRateThatTurnsADonationIntoNothingRefusesTheWholeImport() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        Browser.Page preview = upload(browser, eur, "camt053-v08.xml", tag);

        Browser.Page refused = browser.submit(preview, "form.import-confirm", Map.of("rateJPY", "0.0000001",
                "rateOnJPY", "2026-03-01", "rateSourceJPY", "ECB", "rateKWD", "2.98", "rateOnKWD", "2026-03-01", "rateSourceKWD", "ECB"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#import-refused")).isNotBlank().doesNotContain("??");
        assertThat(donations()).isZero();
    }

    @Test
    void aConfirmationOfAnImportThatIsNoPreviewIsRefused() {
        Browser.Page mapping = upload(browser, eur, "bank-utf8.csv");
        Browser.Page imports = browser.open("/staff/fundraising/imports");
        String token = imports.doc().selectFirst("form.import-upload input[name=_csrf]").attr("value");

        Browser.Page refused = browser.post("/staff/fundraising/imports/" + importId(mapping) + "/confirm", Map.of("_csrf", token));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#import-refused")).startsWith("This import is not waiting for a confirmation");
        assertThat(browser.get("/staff/fundraising/imports/99999999").status()).isEqualTo(400);
    }

    @Test
    void uploadsNeverImportedAreErasedByTheRetentionJob() {
        Browser.Page mapping = upload(browser, eur, "bank-utf8.csv");
        long id = importId(mapping);
        var rule = retention.rules().stream().filter(r -> r.name().equals("fundraising.abandoned-imports")).findFirst().orElseThrow();

        rule.eraser().eraseBefore(applicationClock.instant().plus(Duration.ofMinutes(1)));

        assertThat(db.sql("SELECT COUNT(*) FROM bank_import WHERE id = :id").param("id", id).query(Long.class).single()).isZero();
    }
}
