package org.solidarityhub.fundraising;

import java.util.regex.Pattern;

/**
 * An amount as a bank's CSV writes it ("1 500,00", "1.500,00", "-250.5", "(250.50)", "250,50-") as a plain signed
 * decimal, under the decimal separator the treasurer chose. Spaces, no-break spaces and apostrophes group thousands,
 * so does the other separator, but only in groups of three: "1500.50" under a decimal comma is the wrong separator,
 * not fifteen thousand.
 */
final class CsvAmount {

    /** A plain signed decimal ("-1500.00"), or the problem key. */
    record Plain(String value, String problemKey) {
        boolean ok() {
            return problemKey == null;
        }

        boolean negative() {
            return value.startsWith("-");
        }

        boolean zero() {
            return value.replaceAll("[-+.0]", "").isEmpty();
        }
    }

    private CsvAmount() {
    }

    static Plain normalize(String raw, char decimal) {
        String text = raw.replaceAll("[\\s\\u00A0\\u202F\\u2007'’]", "").replace('\u2212', '-');
        if (text.isEmpty()) {
            return new Plain("", "fundraising.import.amount.empty");
        }
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        } else if (text.startsWith("-") || text.startsWith("+")) {
            negative = text.startsWith("-");
            text = text.substring(1);
        } else if (text.endsWith("-")) {
            negative = true;
            text = text.substring(0, text.length() - 1);
        }
        char group = decimal == ',' ? '.' : ',';
        String d = Pattern.quote(String.valueOf(decimal));
        String g = Pattern.quote(String.valueOf(group));
        String number;
        if (text.matches("\\d+(" + d + "\\d+)?")) {
            number = text;
        } else if (text.matches("\\d{1,3}(" + g + "\\d{3})+(" + d + "\\d+)?")) {
            number = text.replace(String.valueOf(group), "");
        } else if (text.matches("[\\d" + g + "]*" + g + "\\d*")) {
            return new Plain("", "fundraising.import.amount.separator");
        } else {
            return new Plain("", "fundraising.import.amount.bad");
        }
        number = number.replace(decimal, '.');
        return new Plain((negative ? "-" : "") + number, null);
    }
}
