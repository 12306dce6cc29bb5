package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * A plain decimal ("1500.00") and a currency code as whole minor units, with the decimals of the currency
 * (JPY 0, EUR 2, KWD 3). Until the ledger's Money arrives on this branch, this is the one place that does it.
 */
final class LineAmounts {

    private static final BigDecimal CAP = new BigDecimal("1000000000000");

    /** Minor units (never negative), or a problem key. */
    record Result(long minor, String problemKey, String arg) {
        boolean ok() {
            return problemKey == null;
        }
    }

    private LineAmounts() {
    }

    /** The ISO 4217 code of an alphabetic or numeric code ("uah", "980"), or null when there is none. */
    static String currency(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (c.matches("\\d{3}")) {
            int numeric = Integer.parseInt(c);
            return Currency.getAvailableCurrencies().stream().filter(x -> x.getNumericCode() == numeric && usable(x))
                    .map(Currency::getCurrencyCode).sorted().findFirst().orElse(null);
        }
        if (!c.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(c);
            return usable(currency) ? c : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean usable(Currency currency) {
        return currency.getDefaultFractionDigits() >= 0 && !currency.getCurrencyCode().equals("XTS")
                && !currency.getCurrencyCode().equals("XXX");
    }

    static Result minor(String plain, String currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return new Result(0, "fundraising.import.amount.bad", "");
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (value.stripTrailingZeros().scale() > digits) {
            return new Result(0, "fundraising.import.amount.decimals", currency + ":" + digits);
        }
        BigDecimal abs = value.abs();
        if (abs.compareTo(CAP) >= 0) {
            return new Result(0, "fundraising.import.amount.tooLarge", "");
        }
        return new Result(abs.movePointRight(digits).longValueExact(), null, "");
    }
}
