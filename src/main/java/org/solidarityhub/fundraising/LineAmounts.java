package org.solidarityhub.fundraising;

import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A statement line's amount and currency as {@link Money}: the currency code as banks write it (alphabetic, or the
 * ISO 4217 number such as 980 for UAH), the amount with no more decimals than the currency has, each refusal with
 * {@code Money}'s message key so the import report says what a typed amount would.
 */
final class LineAmounts {

    /** Money, or the message key (and its arguments) of why not. */
    record Result(@Nullable Money money, @Nullable String problemKey, String[] args) {
        boolean ok() {
            return money != null;
        }
    }

    private LineAmounts() {
    }

    /** The ISO 4217 code of an alphabetic or numeric code ("uah", "980"), or null when it is no money one gives. */
    static @Nullable String currency(@Nullable String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (c.matches("\\d{3}")) {
            int numeric = Integer.parseInt(c);
            c = Currency.getAvailableCurrencies().stream()
                    .filter(x -> x.getNumericCode() == numeric && x.getDefaultFractionDigits() >= 0)
                    .map(Currency::getCurrencyCode).sorted().findFirst().orElse("");
        }
        try {
            return Money.normalizeCurrency(c);
        } catch (MoneyException e) {
            return null;
        }
    }

    /** A plain unsigned decimal ("1500.00") in a currency already checked by {@link #currency}. */
    static Result money(String plain, String currency) {
        try {
            return new Result(Money.parse(plain, currency), null, new String[0]);
        } catch (MoneyException e) {
            return new Result(null, e.reasonKey(), e.arguments().stream().map(String::valueOf).toArray(String[]::new));
        }
    }
}
