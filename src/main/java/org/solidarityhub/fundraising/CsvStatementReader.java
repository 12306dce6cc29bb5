package org.solidarityhub.fundraising;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bank's CSV export with the treasurer's {@link CsvMapping}: the incoming payments, each broken row with its
 * line number and the reason, outgoing payments counted and passed over. A file that cannot be read as text at all
 * is refused whole.
 */
final class CsvStatementReader {

    static final int MAX_ROWS = 20_000;
    private static final int SAMPLE_ROWS = 6;

    /** The first rows of a file as read with an encoding and delimiter, for choosing the columns. */
    record Sample(String encoding, String delimiter, List<List<String>> rows, int columns, ImportProblem problem) {
    }

    private CsvStatementReader() {
    }

    static Sample sample(byte[] bytes, String encoding, String delimiter) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, encoding);
        if (!decoded.ok()) {
            return new Sample(decoded.encoding(), delimiter, List.of(), 0, decoded.problem());
        }
        String name = delimiterName(decoded.text(), delimiter);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = format(name).parse(new StringReader(decoded.text()))) {
            for (CSVRecord record : parser) {
                if (rows.size() == SAMPLE_ROWS) {
                    break;
                }
                rows.add(record.stream().map(c -> ImportedText.clean(c).text()).toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the rows read so far are the sample; read() reports where the file breaks
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        ImportProblem problem = rows.isEmpty() ? ImportProblem.file("fundraising.import.file.empty") : null;
        return new Sample(decoded.encoding(), name, rows, columns, problem);
    }

    static ParsedStatement read(byte[] bytes, CsvMapping mapping) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, mapping.encoding());
        if (!decoded.ok()) {
            return ParsedStatement.refused("CSV", decoded.encoding(), decoded.problem());
        }
        String text = decoded.text();
        LineNumbers lineNumbers = new LineNumbers(text);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(mapping.dateFormat()).withResolverStyle(ResolverStyle.STRICT);
        DuplicateKeys keys = new DuplicateKeys();
        List<StatementLine> lines = new ArrayList<>();
        List<ImportProblem> broken = new ArrayList<>();
        List<ImportProblem> remarks = new ArrayList<>();
        int outgoing = 0;
        int rowsRead = 0;
        long nextLine = 1;
        try (CSVParser parser = format(delimiterName(text, mapping.delimiter())).parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                int line = lineNumbers.of(record.getCharacterPosition());
                nextLine = parser.getCurrentLineNumber() + 1;
                if (rowsRead++ == 0 && mapping.headerRow()) {
                    continue;
                }
                if (rowsRead > MAX_ROWS) {
                    return ParsedStatement.refused("CSV", decoded.encoding(),
                            ImportProblem.file("fundraising.import.file.tooManyRows", String.valueOf(MAX_ROWS)));
                }
                Row row = new Row(line, record, mapping, dates);
                switch (row.read(keys)) {
                    case Row.Outcome.Payment(StatementLine payment, boolean defused) -> {
                        lines.add(payment);
                        if (defused) {
                            remarks.add(ImportProblem.at(line, "fundraising.import.text.formulaDefused"));
                        }
                    }
                    case Row.Outcome.Outgoing() -> outgoing++;
                    case Row.Outcome.Broken(String key, List<String> args) -> broken.add(new ImportProblem(line, key, args));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            broken.add(ImportProblem.at((int) nextLine, "fundraising.import.csv.unclosedQuote"));
        }
        if (rowsRead == 0) {
            return ParsedStatement.refused("CSV", decoded.encoding(), ImportProblem.file("fundraising.import.file.empty"));
        }
        return new ParsedStatement("CSV", decoded.encoding(), lines, broken, remarks, outgoing);
    }

    private static CSVFormat format(String delimiterName) {
        return CSVFormat.DEFAULT.builder().setDelimiter(CsvMapping.DELIMITERS.get(delimiterName))
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
    }

    /** The chosen delimiter, or the one that splits the first lines most evenly (outside quotes). */
    static String delimiterName(String text, String chosen) {
        if (chosen != null && CsvMapping.DELIMITERS.containsKey(chosen)) {
            return chosen;
        }
        List<String> firstLines = text.lines().filter(l -> !l.isBlank()).limit(10).toList();
        String best = "SEMICOLON";
        int bestCount = 0;
        for (String name : List.of("SEMICOLON", "TAB", "COMMA", "PIPE")) {
            char delimiter = CsvMapping.DELIMITERS.get(name);
            int least = firstLines.stream().mapToInt(l -> countOutsideQuotes(l, delimiter)).min().orElse(0);
            if (least > bestCount) {
                best = name;
                bestCount = least;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Line numbers (from 1) of character positions in a text. */
    private static final class LineNumbers {
        private final int[] starts;

        LineNumbers(String text) {
            List<Integer> list = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int of(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }

    /** One record read with the mapping. */
    private record Row(int line, CSVRecord record, CsvMapping mapping, DateTimeFormatter dates) {

        sealed interface Outcome {
            record Payment(StatementLine line, boolean defused) implements Outcome {
            }

            record Outgoing() implements Outcome {
            }

            record Broken(String key, List<String> args) implements Outcome {
                Broken(String key, String... args) {
                    this(key, List.of(args));
                }
            }
        }

        Outcome read(DuplicateKeys keys) {
            Integer missing = firstMissingColumn();
            if (missing != null) {
                return new Outcome.Broken("fundraising.import.csv.missingColumn", String.valueOf(missing));
            }
            LocalDate date = date(cell(mapping.dateColumn()));
            if (date == null) {
                return new Outcome.Broken("fundraising.import.date.bad");
            }
            CsvAmount.Plain amount = incoming();
            if (!amount.ok()) {
                return new Outcome.Broken(amount.problemKey());
            }
            if (amount.negative()) {
                return new Outcome.Outgoing();
            }
            String rawCurrency = mapping.fixedCurrencyCode() ? mapping.fixedCurrency() : cell(mapping.currencyColumn());
            if (rawCurrency.isBlank()) {
                return new Outcome.Broken("fundraising.import.currency.missing");
            }
            String currency = LineAmounts.currency(rawCurrency);
            if (currency == null) {
                return new Outcome.Broken("fundraising.import.currency.unknown");
            }
            LineAmounts.Result money = LineAmounts.money(amount.value(), currency);
            if (!money.ok()) {
                return new Outcome.Broken(money.problemKey(), money.args());
            }
            long minor = money.money().minor();
            ImportedText.Cleaned reference = ImportedText.clean(cell(mapping.referenceColumn()));
            ImportedText.Cleaned counterparty = ImportedText.clean(cell(mapping.counterpartyColumn()));
            ImportedText.Cleaned bankId = ImportedText.clean(cell(mapping.bankIdColumn()));
            String key = keys.next(date, minor, currency, reference.text(), bankId.text());
            return new Outcome.Payment(new StatementLine(line, date, minor, currency, reference.text(),
                    counterparty.text(), bankId.text(), key), reference.defused() || counterparty.defused() || bankId.defused());
        }

        /** The incoming amount as a plain decimal; negative for money out, problem key for none or both. */
        private CsvAmount.Plain incoming() {
            char decimal = mapping.decimal();
            if (!mapping.split()) {
                CsvAmount.Plain amount = CsvAmount.normalize(cell(mapping.amountColumn()), decimal);
                return amount.ok() && amount.zero() ? new CsvAmount.Plain("", "fundraising.import.amount.empty") : amount;
            }
            String creditText = cell(mapping.creditColumn());
            String debitText = cell(mapping.debitColumn());
            CsvAmount.Plain credit = creditText.isBlank() ? null : CsvAmount.normalize(creditText, decimal);
            CsvAmount.Plain debit = debitText.isBlank() ? null : CsvAmount.normalize(debitText, decimal);
            for (CsvAmount.Plain side : Arrays.asList(credit, debit)) {
                if (side != null && !side.ok()) {
                    return side;
                }
            }
            boolean hasCredit = credit != null && !credit.zero();
            boolean hasDebit = debit != null && !debit.zero();
            if (hasCredit && hasDebit) {
                return new CsvAmount.Plain("", "fundraising.import.amount.bothSides");
            }
            if (hasDebit) {
                return new CsvAmount.Plain("-" + debit.value().replace("-", ""), null);
            }
            return hasCredit ? new CsvAmount.Plain(credit.value().replace("-", ""), null)
                    : new CsvAmount.Plain("", "fundraising.import.amount.empty");
        }

        private LocalDate date(String raw) {
            String text = raw.strip();
            int space = text.indexOf(' ');
            if (space > 0) {
                text = text.substring(0, space);
            }
            if (text.length() > 10 && text.charAt(10) == 'T') {
                text = text.substring(0, 10);
            }
            try {
                return LocalDate.parse(text, dates);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private Integer firstMissingColumn() {
            return mapping.columnsInUse().stream().filter(c -> c > record.size()).findFirst().orElse(null);
        }

        private String cell(Integer column) {
            return column == null || column < 1 || column > record.size() ? "" : record.get(column - 1);
        }
    }
}
