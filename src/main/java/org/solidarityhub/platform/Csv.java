package org.solidarityhub.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for spreadsheets (RFC 4180), with formula injection defused: a cell starting with = + - @ or a tab or
 * carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it.
 */
public final class Csv {

    private Csv() {
    }

    public static String row(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
