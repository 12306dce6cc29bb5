package org.solidarityhub.fundraising;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to read a bank's CSV export, as the treasurer chose it: encoding and delimiter ({@code AUTO} to detect),
 * whether the first row names the columns, and which column (numbered from 1) holds what. The amount is one signed
 * column ({@code SIGNED}: positive is money in) or two ({@code SPLIT}: credit and debit); the currency is a column
 * or one fixed code for the whole file.
 */
record CsvMapping(String encoding, String delimiter, boolean headerRow, Integer dateColumn, String dateFormat,
                  String amountMode, Integer amountColumn, Integer creditColumn, Integer debitColumn,
                  String decimalSeparator, Integer currencyColumn, String fixedCurrency, Integer referenceColumn,
                  Integer counterpartyColumn, Integer bankIdColumn) {

    static final String SIGNED = "SIGNED";
    static final String SPLIT = "SPLIT";
    /** The date formats offered, by their pattern (the form shows 31 December 2026 in each). */
    static final List<String> DATE_FORMATS = List.of("dd.MM.uuuu", "uuuu-MM-dd", "dd/MM/uuuu", "MM/dd/uuuu",
            "dd-MM-uuuu", "dd.MM.uu", "uuuuMMdd");
    /** The delimiters offered, by the name the form sends. */
    static final Map<String, Character> DELIMITERS = Map.of("SEMICOLON", ';', "COMMA", ',', "TAB", '\t', "PIPE", '|');

    static CsvMapping defaults() {
        return new CsvMapping(TextDecoding.AUTO, TextDecoding.AUTO, true, null, "dd.MM.uuuu", SIGNED, null, null, null,
                "COMMA", null, "", null, null, null);
    }

    /** The mapping as one line of text, to keep with the import (only a mapping without problems is kept). */
    String encode() {
        return java.util.stream.Stream.of(encoding, delimiter, String.valueOf(headerRow), text(dateColumn), dateFormat,
                amountMode, text(amountColumn), text(creditColumn), text(debitColumn), decimalSeparator,
                text(currencyColumn), fixedCurrency == null ? "" : fixedCurrency.strip(), text(referenceColumn),
                text(counterpartyColumn), text(bankIdColumn)).map(v -> v == null ? "" : v)
                .collect(java.util.stream.Collectors.joining("|"));
    }

    static CsvMapping decode(String line) {
        String[] v = line.split("\\|", -1);
        return new CsvMapping(v[0], v[1], Boolean.parseBoolean(v[2]), number(v[3]), v[4], v[5], number(v[6]),
                number(v[7]), number(v[8]), v[9], number(v[10]), v[11], number(v[12]), number(v[13]), number(v[14]));
    }

    private static String text(Integer column) {
        return column == null ? "" : column.toString();
    }

    private static Integer number(String text) {
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    char decimal() {
        return "DOT".equals(decimalSeparator) ? '.' : ',';
    }

    public boolean split() {
        return SPLIT.equals(amountMode);
    }

    boolean fixedCurrencyCode() {
        return fixedCurrency != null && !fixedCurrency.isBlank();
    }

    /** The columns this mapping reads (those of the other amount mode, or of a fixed currency, do not count). */
    List<Integer> columnsInUse() {
        return java.util.stream.Stream.of(dateColumn, split() ? creditColumn : amountColumn, split() ? debitColumn : null,
                fixedCurrencyCode() ? null : currencyColumn, referenceColumn, counterpartyColumn, bankIdColumn)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** What is wrong with the mapping itself, as message keys (empty when it can be used). */
    List<String> problems(int columns) {
        List<String> problems = new ArrayList<>();
        if (!TextDecoding.AUTO.equals(encoding) && !TextDecoding.CHOICES.contains(encoding)) {
            problems.add("fundraising.import.mapping.encoding");
        }
        if (!TextDecoding.AUTO.equals(delimiter) && !DELIMITERS.containsKey(delimiter)) {
            problems.add("fundraising.import.mapping.delimiter");
        }
        if (!within(dateColumn, columns) || !DATE_FORMATS.contains(dateFormat)) {
            problems.add("fundraising.import.mapping.date");
        }
        if (split() ? !within(creditColumn, columns) || !optional(debitColumn, columns) : !within(amountColumn, columns)) {
            problems.add("fundraising.import.mapping.amount");
        }
        if (!"COMMA".equals(decimalSeparator) && !"DOT".equals(decimalSeparator)) {
            problems.add("fundraising.import.mapping.decimal");
        }
        if (fixedCurrencyCode() ? LineAmounts.currency(fixedCurrency) == null : !within(currencyColumn, columns)) {
            problems.add("fundraising.import.mapping.currency");
        }
        if (!optional(referenceColumn, columns) || !optional(counterpartyColumn, columns) || !optional(bankIdColumn, columns)) {
            problems.add("fundraising.import.mapping.column");
        }
        return problems;
    }

    private static boolean within(Integer column, int columns) {
        return column != null && column >= 1 && column <= columns;
    }

    private static boolean optional(Integer column, int columns) {
        return column == null || within(column, columns);
    }
}
