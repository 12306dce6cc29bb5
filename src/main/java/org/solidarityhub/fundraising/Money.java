package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An amount of money: whole minor units of an ISO 4217 currency (cents of EUR, yen of JPY, fils of KWD), as the
 * ledger stores it. The minor unit is {@link Currency#getDefaultFractionDigits()}. Amounts may be negative inside
 * the ledger (credits, reversals); what people type goes through {@link #parse}, which takes none.
 */
public record Money(long minor, String currency) {

    /**
     * The largest amount taken, in minor units (10^15: ten trillion euros), so that sums of many ledger rows stay
     * far inside a {@code long}.
     */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;

    /** Codes that are no money one can give: testing, no currency, funds and units of account, metals. */
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XDR", "XSU", "XUA", "BOV", "CHE", "CHW",
            "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW", "XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)(?:[.,](\\d+))?");

    public Money {
        checkCurrency(currency);
        if (minor > MAX_MINOR || minor < -MAX_MINOR) {
            throw new MoneyException("fundraising.amount.tooLarge");
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /**
     * The amount a person typed, in major units with at most the currency's decimals ({@code "1234.56"} or
     * {@code "1234,56"} for EUR, {@code "1500"} for JPY). Refuses a blank, a sign, grouping, more decimals than
     * the currency has, more than {@link #MAX_MINOR} and an unknown currency, each with its own message key.
     */
    public static Money parse(@Nullable String amount, @Nullable String currency) {
        String code = normalizeCurrency(currency);
        int digits = fractionDigits(code);
        String text = amount == null ? "" : amount.strip();
        if (text.isEmpty()) {
            throw new MoneyException("fundraising.amount.required");
        }
        if (text.startsWith("-") || text.startsWith("\u2212")) {
            throw new MoneyException("fundraising.amount.negative");
        }
        var matcher = AMOUNT.matcher(text.startsWith("+") ? text.substring(1) : text);
        if (!matcher.matches()) {
            throw new MoneyException("fundraising.amount.format");
        }
        String fraction = matcher.group(2) == null ? "" : matcher.group(2);
        if (fraction.length() > digits) {
            throw digits == 0
                    ? new MoneyException("fundraising.amount.noDecimals", code)
                    : new MoneyException("fundraising.amount.decimals", code, digits);
        }
        BigInteger minor = new BigInteger(matcher.group(1) + fraction + "0".repeat(digits - fraction.length()));
        if (minor.compareTo(BigInteger.valueOf(MAX_MINOR)) > 0) {
            throw new MoneyException("fundraising.amount.tooLarge");
        }
        return new Money(minor.longValueExact(), code);
    }

    /** The code upper-cased and checked: an ISO 4217 currency one can give. */
    public static String normalizeCurrency(@Nullable String currency) {
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new MoneyException("fundraising.currency.required");
        }
        checkCurrency(code);
        return code;
    }

    private static void checkCurrency(String code) {
        if (!CODE.matcher(code).matches() || NOT_MONEY.contains(code)) {
            throw new MoneyException("fundraising.currency.unknown");
        }
        try {
            if (Currency.getInstance(code).getDefaultFractionDigits() < 0) {
                throw new MoneyException("fundraising.currency.unknown");
            }
        } catch (IllegalArgumentException e) {
            throw new MoneyException("fundraising.currency.unknown");
        }
    }

    /** The decimals of the currency's minor unit: 0 for JPY, 2 for EUR, 3 for KWD. */
    public static int fractionDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** The amount in major units, exact: 12.34 for 1234 EUR cents. */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    public Money negate() {
        return new Money(-minor, currency);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("different currencies: " + currency + ", " + other.currency);
        }
    }

    /** For a form field: the major amount with the currency's decimals, no grouping ({@code 1234.50}). */
    public String plain() {
        return toMajor().toPlainString();
    }

    /** For people: the amount as the locale writes money, with the currency's symbol or code. */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(toMajor());
    }

    @Override
    public String toString() {
        return plain() + " " + currency;
    }
}
