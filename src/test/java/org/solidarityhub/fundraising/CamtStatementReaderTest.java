package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** ISO 20022 camt.053 statements: booked credits become payments, everything else is passed over or reported. */
class CamtStatementReaderTest {

    private static List<String> problemKeys(ParsedStatement statement) {
        return statement.broken().stream().map(p -> p.line() + " " + p.messageKey()).toList();
    }

    @Test
    void aVersion02StatementGivesItsBookedCreditsOnly() {
        ParsedStatement statement = CamtStatementReader.read(ImportFiles.bytes("camt053-v02.xml"));

        assertThat(statement.format()).isEqualTo("CAMT053");
        assertThat(statement.broken()).isEmpty();
        assertThat(statement.outgoingSkipped()).as("the debit and the pending entry").isEqualTo(2);
        assertThat(statement.lines()).extracting(StatementLine::date, StatementLine::minor, StatementLine::currency,
                        StatementLine::reference, StatementLine::counterparty, StatementLine::bankId)
                .containsExactly(
                        tuple(LocalDate.of(2026, 2, 24), 150_000L, "EUR", "Donation for vests", "Anna Kowalska", "BANKREF-0001"),
                        tuple(LocalDate.of(2026, 2, 24), 2_550L, "EUR", "'=cmd|' /C calc'!A0",
                                "'=HYPERLINK(\"http://evil.example/x\",\"click\")", "BANKREF-0003"),
                        tuple(LocalDate.of(2026, 2, 25), 200_000L, "UAH", "Благодійний внесок на аптечки", "", "5"));
        assertThat(statement.lines().getFirst().line()).as("the line of its Ntry").isEqualTo(21);
    }

    @Test
    void formulaPayloadsInAStatementAreDefusedAndReported() {
        ParsedStatement statement = CamtStatementReader.read(ImportFiles.bytes("camt053-v02.xml"));

        assertThat(statement.remarks()).extracting(ImportProblem::messageKey).containsExactly("fundraising.import.text.formulaDefused");
    }

    @Test
    void aVersion08StatementReadsTheNewStatusAndPartyElementsAndTheDecimalsOfEachCurrency() {
        ParsedStatement statement = CamtStatementReader.read(ImportFiles.bytes("camt053-v08.xml"));

        assertThat(statement.broken()).isEmpty();
        assertThat(statement.outgoingSkipped()).as("the reversal").isEqualTo(1);
        assertThat(statement.lines()).extracting(StatementLine::minor, StatementLine::currency, StatementLine::reference,
                        StatementLine::counterparty)
                .containsExactly(tuple(50_000L, "JPY", "Thermal imagers", "Tanaka Foundation"),
                        tuple(12_345L, "KWD", "RF18539007547034", ""));
    }

    @Test
    void brokenEntriesAreReportedWithTheirLinesAndTheGoodOneStays() {
        ParsedStatement statement = CamtStatementReader.read(ImportFiles.bytes("camt053-broken-entries.xml"));

        assertThat(problemKeys(statement)).containsExactly(
                "7 fundraising.amount.decimals",
                "13 fundraising.import.date.bad",
                "19 fundraising.import.currency.unknown",
                "25 fundraising.import.amount.empty",
                "31 fundraising.import.currency.unknown");
        assertThat(statement.lines()).extracting(StatementLine::reference).containsExactly("the one good entry");
    }

    @Test
    void aTruncatedStatementIsRefusedWholeWithTheLineWhereItBreaks() {
        ParsedStatement statement = CamtStatementReader.read(ImportFiles.bytes("camt053-truncated.xml"));

        assertThat(statement.refusedWhole()).isTrue();
        assertThat(statement.lines()).isEmpty();
        assertThat(statement.broken()).extracting(ImportProblem::messageKey).containsExactly("fundraising.import.camt.malformed");
        assertThat(Integer.parseInt(statement.broken().getFirst().args().getFirst())).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aStatementInTheEncodingItDeclaresIsRead() {
        byte[] cp1251 = new String(ImportFiles.bytes("camt053-v02.xml"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"").getBytes(java.nio.charset.Charset.forName("windows-1251"));
        ParsedStatement statement = CamtStatementReader.read(cp1251);

        assertThat(statement.broken()).isEmpty();
        assertThat(statement.lines().getLast().reference()).isEqualTo("Благодійний внесок на аптечки");
    }

    @Test
    void aStatementNotInTheEncodingItDeclaresIsRefusedWhole() {
        byte[] wrong = new String(ImportFiles.bytes("camt053-v02.xml"), StandardCharsets.UTF_8)
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        ParsedStatement statement = CamtStatementReader.read(wrong);

        assertThat(statement.refusedWhole()).isTrue();
        assertThat(statement.lines()).isEmpty();
        assertThat(statement.broken()).extracting(ImportProblem::messageKey).containsExactly("fundraising.import.camt.encoding");
        assertThat(statement.broken().getFirst().args()).containsExactly("UTF-8");
    }

    @Test
    void aCamt052ReportIsNotAStatement() {
        assertThat(problemKeys(CamtStatementReader.read(ImportFiles.bytes("camt052-report.xml"))))
                .containsExactly("0 fundraising.import.camt.notCamt053");
    }

    @Test
    void aCsvFileIsNotAStatement() {
        assertThat(problemKeys(CamtStatementReader.read(ImportFiles.bytes("bank-utf8.csv"))))
                .containsExactly("0 fundraising.import.camt.malformed");
    }

    @Test
    void anXmlFileOfAnotherKindIsNotAStatement() {
        byte[] xml = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.01\"><BkToCstmrStmt/></Document>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(problemKeys(CamtStatementReader.read(xml))).as("version 01 is older than supported")
                .containsExactly("0 fundraising.import.camt.notCamt053");
        assertThat(problemKeys(CamtStatementReader.read("<html><body/></html>".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("0 fundraising.import.camt.notCamt053");
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedAndNothingIsRead() {
        ParsedStatement statement = CamtStatementReader.read(ImportFiles.bytes("camt053-xxe.xml"));

        assertThat(statement.refusedWhole()).isTrue();
        assertThat(statement.lines()).isEmpty();
        assertThat(statement.broken()).extracting(ImportProblem::messageKey).containsAnyOf("fundraising.import.camt.doctype");
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><AddtlNtryInf>&lol2;</AddtlNtryInf>"
                + "</Ntry></Stmt></BkToCstmrStmt></Document>";
        ParsedStatement statement = CamtStatementReader.read(bomb.getBytes(StandardCharsets.UTF_8));

        assertThat(statement.refusedWhole()).isTrue();
        assertThat(statement.lines()).isEmpty();
    }
}
