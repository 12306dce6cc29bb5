package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bank CSV exports are read with the treasurer's mapping, in whatever encoding the bank wrote them. */
class CsvStatementReaderTest {

    private static List<String> problemKeys(ParsedStatement statement) {
        return statement.broken().stream().map(p -> p.line() + " " + p.messageKey()).toList();
    }

    @Test
    void aUtf8FileWithAByteOrderMarkGivesItsIncomingPaymentsInMinorUnits() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-utf8-bom.csv"), ImportFiles.signedMapping("AUTO"));

        assertThat(statement.encoding()).isEqualTo("UTF-8");
        assertThat(statement.broken()).isEmpty();
        assertThat(statement.outgoingSkipped()).isEqualTo(1);
        assertThat(statement.lines()).extracting(StatementLine::line, StatementLine::date, StatementLine::minor,
                        StatementLine::currency, StatementLine::reference, StatementLine::counterparty, StatementLine::bankId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 2, 24), 150_000L, "EUR", "Donation for vests", "Anna Kowalska", "TX-1001"),
                        org.assertj.core.groups.Tuple.tuple(4, LocalDate.of(2026, 2, 25), 2_550L, "EUR", "Helmets; tactical medicine", "Jan Novak", "TX-1003"),
                        org.assertj.core.groups.Tuple.tuple(5, LocalDate.of(2026, 2, 26), 200_000L, "UAH", "Благодійний внесок", "Олена Шевченко", "TX-1004"));
    }

    @Test
    void aFileWithoutByteOrderMarkGivesTheSameLinesAndTheSameDuplicateKeys() {
        ParsedStatement withBom = CsvStatementReader.read(ImportFiles.bytes("bank-utf8-bom.csv"), ImportFiles.signedMapping("AUTO"));
        ParsedStatement without = CsvStatementReader.read(ImportFiles.bytes("bank-utf8.csv"), ImportFiles.signedMapping("AUTO"));

        assertThat(without.encoding()).isEqualTo("UTF-8");
        assertThat(without.lines()).isEqualTo(withBom.lines());
    }

    @Test
    void aWindows1251ExportWithCreditAndDebitColumnsIsDetectedAndRead() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-windows-1251.csv"), ImportFiles.ukrainianMapping("AUTO"));

        assertThat(statement.encoding()).isEqualTo("windows-1251");
        assertThat(statement.broken()).isEmpty();
        assertThat(statement.outgoingSkipped()).isEqualTo(1);
        assertThat(statement.lines()).extracting(StatementLine::minor).containsExactly(100_000L, 50_000L, 50_000L, 25_000L);
        assertThat(statement.lines().getFirst().reference()).isEqualTo("Благодійна допомога на бронежилети");
        assertThat(statement.lines().getFirst().counterparty()).isEqualTo("Іваненко Ґанна Євгенівна");
        assertThat(statement.lines().getLast().currency()).as("the numeric code 980").isEqualTo("UAH");
    }

    @Test
    void twoEqualPaymentsWithoutBankIdOnOneDayAreBothKeptWithDifferentKeys() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-windows-1251.csv"), ImportFiles.ukrainianMapping("AUTO"));
        ParsedStatement again = CsvStatementReader.read(ImportFiles.bytes("bank-windows-1251.csv"), ImportFiles.ukrainianMapping("windows-1251"));

        List<String> keys = statement.lines().stream().map(StatementLine::duplicateKey).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(again.lines().stream().map(StatementLine::duplicateKey).toList()).isEqualTo(keys);
    }

    @Test
    void aWindows1252ExportWithCommasQuotesAndADecimalPointIsRead() {
        CsvMapping mapping = new CsvMapping("AUTO", "AUTO", true, 1, "uuuu-MM-dd", CsvMapping.SIGNED, 2, null, null,
                "DOT", 3, "", 4, 5, null);
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-windows-1252.csv"), mapping);

        assertThat(statement.encoding()).isEqualTo("windows-1252");
        assertThat(statement.broken()).isEmpty();
        assertThat(statement.lines()).extracting(StatementLine::minor).containsExactly(15_000L, 125_075L);
        assertThat(statement.lines().get(1).reference()).isEqualTo("Große Spende, Grüße aus Köln");
        assertThat(statement.lines().get(0).counterparty()).isEqualTo("Jürgen Müller");
    }

    @Test
    void aPolishIso8859Dash2ExportIsDetectedAndRead() {
        CsvMapping mapping = new CsvMapping("AUTO", "AUTO", true, 1, "dd.MM.uuuu", CsvMapping.SIGNED, 2, null, null,
                "COMMA", 3, "", 4, 5, null);
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-iso-8859-2.csv"), mapping);

        assertThat(statement.encoding()).isEqualTo("ISO-8859-2");
        assertThat(statement.lines()).extracting(StatementLine::counterparty)
                .containsExactly("Fundacja Otwarty Dialog", "Łukasz Wróbel", "Małgorzata Żółkiewska");
        assertThat(statement.lines()).extracting(StatementLine::minor).containsExactly(150_000L, 25_000L, 9_999L);
    }

    @Test
    void everyBrokenRowIsReportedWithItsLineAndTheGoodRowsStay() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-broken.csv"), ImportFiles.signedMapping("AUTO"));

        assertThat(problemKeys(statement)).containsExactly(
                "2 fundraising.amount.decimals",
                "3 fundraising.import.date.bad",
                "4 fundraising.import.currency.unknown",
                "5 fundraising.import.amount.empty",
                "6 fundraising.import.amount.separator",
                "7 fundraising.import.csv.missingColumn",
                "9 fundraising.import.currency.missing",
                "11 fundraising.import.csv.unclosedQuote");
        assertThat(statement.lines()).extracting(StatementLine::line).containsExactly(8, 10);
    }

    @Test
    void formulaPayloadsAreKeptAsTextWithALeadingApostropheAndReported() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-broken.csv"), ImportFiles.signedMapping("AUTO"));

        StatementLine line = statement.lines().getFirst();
        assertThat(line.reference()).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(line.counterparty()).isEqualTo("'@SUM(A1:A9)");
        assertThat(line.minor()).as("JPY has no minor unit").isEqualTo(100L);
        assertThat(statement.remarks()).extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8, "fundraising.import.text.formulaDefused"));
    }

    @Test
    void aUtf8FileReadAsWindows1251IsRefusedAsTheWrongEncoding() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-utf8.csv"), ImportFiles.signedMapping("windows-1251"));

        assertThat(statement.refusedWhole()).isTrue();
        assertThat(statement.lines()).isEmpty();
        assertThat(problemKeys(statement)).containsExactly("0 fundraising.import.encoding.wrong");
    }

    @Test
    void aWindows1251FileReadAsUtf8IsRefusedAsTheWrongEncoding() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("bank-windows-1251.csv"), ImportFiles.ukrainianMapping("UTF-8"));

        assertThat(problemKeys(statement)).containsExactly("0 fundraising.import.encoding.wrong");
        assertThat(statement.lines()).isEmpty();
    }

    @Test
    void aBinaryFileIsRefusedAsNotText() {
        ParsedStatement statement = CsvStatementReader.read(ImportFiles.bytes("not-a-csv.png"), ImportFiles.signedMapping("AUTO"));

        assertThat(problemKeys(statement)).containsExactly("0 fundraising.import.file.notText");
    }

    @Test
    void anEmptyFileIsRefused() {
        ParsedStatement statement = CsvStatementReader.read(new byte[0], ImportFiles.signedMapping("AUTO"));

        assertThat(problemKeys(statement)).containsExactly("0 fundraising.import.file.empty");
    }

    @Test
    void theSampleShowsTheFirstRowsWithTheDetectedDelimiterAndEncoding() {
        CsvStatementReader.Sample sample = CsvStatementReader.sample(ImportFiles.bytes("bank-windows-1251.csv"), "AUTO", "AUTO");

        assertThat(sample.encoding()).isEqualTo("windows-1251");
        assertThat(sample.delimiter()).isEqualTo("SEMICOLON");
        assertThat(sample.columns()).isEqualTo(6);
        assertThat(sample.rows().getFirst()).startsWith("Дата операції", "Надходження");
        assertThat(CsvStatementReader.sample(ImportFiles.bytes("bank-windows-1252.csv"), "AUTO", "AUTO").delimiter()).isEqualTo("COMMA");
    }

    @Test
    void amountsAreReadUnderTheChosenDecimalSeparator() {
        assertThat(CsvAmount.normalize("1 500,00", ',').value()).isEqualTo("1500.00");
        assertThat(CsvAmount.normalize("1.500,00", ',').value()).isEqualTo("1500.00");
        assertThat(CsvAmount.normalize("1,500.00", '.').value()).isEqualTo("1500.00");
        assertThat(CsvAmount.normalize("(250.50)", '.').value()).isEqualTo("-250.50");
        assertThat(CsvAmount.normalize("250,50-", ',').value()).isEqualTo("-250.50");
        assertThat(CsvAmount.normalize("\u2212250,50", ',').value()).isEqualTo("-250.50");
        assertThat(CsvAmount.normalize("1500.50", ',').problemKey()).isEqualTo("fundraising.import.amount.separator");
        assertThat(CsvAmount.normalize("12abc", ',').problemKey()).isEqualTo("fundraising.import.amount.bad");
        assertThat(CsvAmount.normalize(" ", ',').problemKey()).isEqualTo("fundraising.import.amount.empty");
    }

    @Test
    void controlCharactersAndDirectionMarksInTextBecomeSpaces() {
        byte[] file = "Date;Amount;Currency;Reference;Payer;Transaction id\n01.03.2026;5,00;EUR;\"a\u202Eb\u0007c\";\"x\ny\";T-1\n"
                .getBytes(StandardCharsets.UTF_8);
        StatementLine line = CsvStatementReader.read(file, ImportFiles.signedMapping("AUTO")).lines().getFirst();

        assertThat(line.reference()).isEqualTo("a b c");
        assertThat(line.counterparty()).isEqualTo("x y");
    }
}
