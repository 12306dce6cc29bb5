package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A rate as a treasurer typed it from an official source (no online rate service): one unit of {@code from} is
 * worth {@code rate} units of {@code to} on {@code on}, according to {@code source} (e.g. "NBU").
 */
public record ExchangeRate(String from, String to, BigDecimal rate, LocalDate on, String source) {

    /** The rate column: NUMERIC(24, 10). */
    static final int MAX_SCALE = 10;
    static final int MAX_INTEGER_DIGITS = 14;
    static final int MAX_SOURCE = 100;
    private static final Pattern RATE = Pattern.compile("\\d{1,20}(?:[.,]\\d{1,20})?");

    public ExchangeRate {
        if (rate.signum() <= 0) {
            throw new MoneyException("fundraising.rate.positive");
        }
        if (rate.stripTrailingZeros().scale() > MAX_SCALE || rate.precision() - rate.scale() > MAX_INTEGER_DIGITS) {
            throw new MoneyException("fundraising.rate.format");
        }
        if (source.isBlank()) {
            throw new MoneyException("fundraising.rate.sourceRequired");
        }
        if (source.length() > MAX_SOURCE) {
            throw new MoneyException("fundraising.rate.sourceTooLong", MAX_SOURCE);
        }
        if (from.equals(to)) {
            throw new MoneyException("fundraising.rate.sameCurrency");
        }
    }

    /** The rate a person typed ({@code "41.2345"} or {@code "41,2345"}), with its date and source. */
    public static ExchangeRate parse(String from, String to, @Nullable String rate, @Nullable LocalDate on,
                                     @Nullable String source) {
        String text = rate == null ? "" : rate.strip();
        if (text.isEmpty()) {
            throw new MoneyException("fundraising.rate.required");
        }
        if (!RATE.matcher(text).matches()) {
            throw new MoneyException("fundraising.rate.format");
        }
        if (on == null) {
            throw new MoneyException("fundraising.rate.dateRequired");
        }
        return new ExchangeRate(from, to, new BigDecimal(text.replace(',', '.')), on,
                source == null ? "" : source.strip());
    }

    /** {@code amount} (in {@code from}) in {@code to}, rounded half-even to the minor unit of {@code to}. */
    public Money convert(Money amount) {
        if (!amount.currency().equals(from)) {
            throw new IllegalArgumentException("rate is for " + from + ", amount in " + amount.currency());
        }
        BigDecimal converted = amount.toMajor().multiply(rate)
                .setScale(Money.fractionDigits(to), RoundingMode.HALF_EVEN);
        BigDecimal minor = converted.movePointRight(Money.fractionDigits(to));
        if (minor.abs().compareTo(BigDecimal.valueOf(Money.MAX_MINOR)) > 0) {
            throw new MoneyException("fundraising.amount.tooLarge");
        }
        if (minor.signum() == 0) {
            throw new MoneyException("fundraising.rate.roundsToZero");
        }
        return new Money(minor.longValueExact(), to);
    }
}
