package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.solidarityhub.fundraising.BankImportTestSupport.donations;
import static org.solidarityhub.fundraising.BankImportTestSupport.importId;
import static org.solidarityhub.fundraising.BankImportTestSupport.ledgerRows;
import static org.solidarityhub.fundraising.BankImportTestSupport.upload;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A treasurer imports bank exports over real HTTP: upload, columns, preview, confirm; duplicates are skipped. */
class BankImportPagesTest extends WebTest {

    private static final Map<String, String> UAH_RATE = Map.of("rateUAH", "0.0225", "rateOnUAH", "2026-02-25",
            "rateSourceUAH", "NBU");

    @Autowired
    StaffFixture staff;

    long eur;
    String tag = java.util.UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void treasurer() {
        staff.signIn(browser, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        eur = LedgerFixture.fundraiser(db, "EUR");
    }

    @Test
    void aCamtStatementIsPreviewedAndItsBookedCreditsBecomeAnonymousDonationsInOneGo() {
        Browser.Page preview = upload(browser, eur, "camt053-v02.xml", tag);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.doc().select("table.import-lines tbody tr")).hasSize(3);
        assertThat(preview.text("#line-21 .outcome")).isEqualTo("Will be imported");
        assertThat(preview.text("#import-counts")).startsWith("3 incoming payments read: 3 to import, 0 duplicates skipped; 0 broken rows; 2 outgoing");
        assertThat(preview.text("#remarks")).contains("started like a spreadsheet formula");
        assertThat(donations(db, eur)).as("nothing before the confirmation").isZero();

        Browser.Page done = browser.submit(preview, "form.import-confirm", UAH_RATE);
        assertThat(done.isRedirect()).isTrue();
        Browser.Page result = browser.follow(done);

        assertThat(result.text("#import-state")).isEqualTo("Imported");
        assertThat(result.text("#import-imported")).isEqualTo("3");
        assertThat(donations(db, eur)).isEqualTo(3);
        assertThat(db.sql("SELECT COUNT(*) FROM donation WHERE fundraiser_id = :f AND display = 'ANONYMOUS' AND public_name IS NULL AND channel = 'BANK_TRANSFER'")
                .param("f", eur).query(Long.class).single()).isEqualTo(3);
        assertThat(db.sql("SELECT reference FROM donation WHERE fundraiser_id = :f AND bank_transaction_id = :bank")
                .param("f", eur).param("bank", "BANKREF-" + tag + "-0003").query(String.class).single()).as("kept defused").isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(db.sql("SELECT -SUM(amount_minor) FROM ledger_entry WHERE fundraiser_id = :f AND account = 'DONATIONS'")
                .param("f", eur).query(Long.class).single()).as("1500.00 + 25.50 + 2000 UAH at 0.0225").isEqualTo(150_000 + 2_550 + 4_500);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'fundraising.import.confirmed' AND target_id = :id")
                .param("id", String.valueOf(importId(result))).query(Long.class).single()).isEqualTo(1);
        Browser.Page twice = browser.submit(preview, "form.import-confirm", UAH_RATE);
        assertThat(twice.status()).as("the same confirmation sent again").isEqualTo(400);
        assertThat(donations(db, eur)).isEqualTo(3);
        assertThat(db.sql("SELECT file_bytes IS NULL FROM bank_import WHERE id = :id").param("id", importId(result))
                .query(Boolean.class).single()).as("the file is not kept after the import").isTrue();
    }

    @Test
    void theSameStatementUploadedAgainShowsEveryLineAsADuplicateAndImportsNothing() {
        Browser.Page first = upload(browser, eur, "camt053-v02.xml", tag);
        browser.submit(first, "form.import-confirm", UAH_RATE);
        long before = ledgerRows(db, eur);

        Browser.Page again = upload(browser, eur, "camt053-v02.xml", tag);

        assertThat(again.text("#same-file")).contains("was imported before");
        assertThat(again.doc().select("table.import-lines tbody tr.duplicate")).hasSize(3);
        assertThat(again.text("#line-21 .outcome")).isEqualTo("Duplicate: an earlier import has it");
        assertThat(again.doc().select("form.import-confirm")).as("nothing to import").isEmpty();
        assertThat(ledgerRows(db, eur)).isEqualTo(before);
    }

    @Test
    void aLineTheLedgerAlreadyHasByItsBankIdIsFlaggedAndSkipped() {
        browser.submit(upload(browser, eur, "camt053-one-entry.xml", tag), "form.import-confirm");

        Browser.Page preview = upload(browser, eur, "camt053-v02.xml", tag);

        assertThat(preview.text("#line-21 .outcome")).isEqualTo("Will be imported");
        assertThat(preview.doc().select("table.import-lines tbody tr.duplicate")).hasSize(1);
        assertThat(preview.text("form.import-confirm button")).isEqualTo("Import 2 donations");
    }

    @Test
    void aFailureInTheMiddleOfAnImportLeavesNothingOfIt() {
        Browser.Page preview = upload(browser, eur, "camt053-v02.xml", tag);
        // meanwhile, another upload imports the statement's second credit (BANKREF-0003) on its own
        Browser second = anotherTreasurer();
        Browser.Page other = upload(second, eur, "camt053-one-entry.xml", tag);
        assertThat(other.text("#import-counts")).startsWith("1 incoming payment read: 1 to import");
        assertThat(second.follow(second.submit(other, "form.import-confirm")).text("#import-imported")).isEqualTo("1");
        long afterOther = donations(db, eur);
        long ledgerAfterOther = ledgerRows(db, eur);

        Browser.Page refused = browser.submit(preview, "form.import-confirm", UAH_RATE);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#import-refused")).startsWith("A line of this import was imported meanwhile");
        assertThat(donations(db, eur)).as("the first line, recorded before the failure, is gone too").isEqualTo(afterOther);
        assertThat(ledgerRows(db, eur)).isEqualTo(ledgerAfterOther);
        long id = importId(preview);
        assertThat(db.sql("SELECT state FROM bank_import WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("PREVIEWED");
        assertThat(db.sql("SELECT COUNT(*) FROM bank_import_key WHERE import_id = :id").param("id", id).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM bank_import_line WHERE import_id = :id AND donation_id IS NOT NULL")
                .param("id", id).query(Long.class).single()).isZero();
    }

    private Browser anotherTreasurer() {
        Browser other = anotherBrowser();
        staff.signIn(other, staff.member(uniqueEmail("treasurer2"), StaffRole.TREASURER));
        return other;
    }

    @Test
    void aForeignCurrencyNeedsItsRateAndNothingIsWrittenWithoutIt() {
        Browser.Page preview = upload(browser, eur, "camt053-v02.xml", tag);

        Browser.Page refused = browser.submit(preview, "form.import-confirm", Map.of("rateUAH", "", "rateOnUAH", "", "rateSourceUAH", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.doc().selectFirst("#f-rateOnUAH").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.text("#f-rateOnUAH-error")).isNotBlank().doesNotContain("??");
        assertThat(refused.doc().select(".field-error")).isNotEmpty();
        assertThat(donations(db, eur)).isZero();
    }

    @Test
    void aWindows1251CsvIsMappedPreviewedAndImportedWithBothEqualPaymentsKept() {
        long uah = LedgerFixture.fundraiser(db, "UAH");
        Browser.Page mapping = upload(browser, uah, "bank-windows-1251.csv", tag);

        assertThat(mapping.uri().getPath()).endsWith("/mapping");
        assertThat(mapping.body()).contains("windows-1251");
        assertThat(mapping.text("table.sample")).contains("Дата операції", "Надходження", "Благодійна допомога на бронежилети");

        Browser.Page preview = browser.follow(browser.submit(mapping, "form.import-mapping", Map.of("dateColumn", "1",
                "amountMode", "SPLIT", "creditColumn", "2", "debitColumn", "3", "currencyColumn", "4", "referenceColumn", "5",
                "counterpartyColumn", "6", "decimalSeparator", "COMMA", "dateFormat", "dd.MM.uuuu")));

        assertThat(preview.doc().select("table.import-lines tbody tr.new")).hasSize(4);
        assertThat(preview.text("#line-2")).contains("Іваненко Ґанна Євгенівна");
        Browser.Page result = browser.follow(browser.submit(preview, "form.import-confirm"));

        assertThat(result.text("#import-imported")).isEqualTo("4");
        assertThat(db.sql("SELECT SUM(amount_minor) FROM donation WHERE fundraiser_id = :f").param("f", uah)
                .query(Long.class).single()).isEqualTo(100_000 + 50_000 + 50_000 + 25_000);

        Browser.Page again = upload(browser, uah, "bank-windows-1251.csv", tag);
        Browser.Page secondPreview = browser.follow(browser.submit(again, "form.import-mapping"));
        assertThat(secondPreview.doc().select("table.import-lines tbody tr.duplicate")).as("the mapping is remembered; no bank ids, keys by content")
                .hasSize(4);
    }

    @Test
    void aMappingWithoutDateOrAmountIsRefusedWithItsReasons() {
        Browser.Page mapping = upload(browser, eur, "bank-utf8.csv");

        Browser.Page refused = browser.submit(mapping, "form.import-mapping", Map.of("dateColumn", "", "amountColumn", "",
                "amountMode", "SIGNED", "currencyColumn", "", "fixedCurrency", "ZZZ"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("#mapping-problems")).contains("Choose the column of the booking date", "Choose the amount column",
                "Choose the currency column");
        assertThat(db.sql("SELECT state FROM bank_import WHERE id = :id").param("id", importId(mapping)).query(String.class).single())
                .isEqualTo("UPLOADED");
    }

    @Test
    void aModeratorWhoIsNoTreasurerCannotImport() {
        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));

        assertThat(moderator.get("/staff/fundraising/imports").status()).isEqualTo(403);
    }

    @Test
    void theImportPagesSpeakUkrainian() {
        browser.acceptLanguage("uk");
        Browser.Page preview = upload(browser, eur, "camt053-broken-entries.xml");

        assertThat(preview.text("#broken")).contains("Рядок 13: дата не відповідає обраному формату.");
        assertThat(preview.body()).doesNotContain("??");
    }

    @Test
    void theFormsCarryTheirCsrfTokenAndWorkWithoutJavaScript() {
        Browser.Page page = browser.open("/staff/fundraising/imports");

        assertThat(page.doc().select("form.import-upload input[name=_csrf]")).hasSize(1);
        assertThat(page.doc().select("script")).isEmpty();
        assertThat(page.body()).doesNotContain("Anna Kowalska");
        List<String> options = page.doc().select("#i-fundraiser option").eachAttr("value");
        assertThat(options).contains(String.valueOf(eur));
    }
}
