package org.solidarityhub.fundraising;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the fundraising feature, under {@code fundraising.*}.
 *
 * @param fourEyesAbove per base currency, the amount in major units (e.g. {@code fundraising.four-eyes-above.EUR=1000})
 *                      above which a purchase or a correction waits for a second treasurer. A fundraiser whose base
 *                      currency is not listed has every purchase and correction approved by a second treasurer.
 *                      Setting any entry replaces the whole default list.
 * @param ledgerPageSize transactions per page of the staff ledger
 */
@ConfigurationProperties("fundraising")
record FundraisingProperties(@Nullable Map<String, BigDecimal> fourEyesAbove,
                             @DefaultValue("50") int ledgerPageSize) {

    static final Map<String, BigDecimal> DEFAULT_FOUR_EYES = Map.of(
            "EUR", new BigDecimal("1000"), "USD", new BigDecimal("1000"), "GBP", new BigDecimal("1000"),
            "CHF", new BigDecimal("1000"), "PLN", new BigDecimal("4000"), "UAH", new BigDecimal("40000"));

    FundraisingProperties {
        Map<String, BigDecimal> limits = new TreeMap<>();
        (fourEyesAbove == null || fourEyesAbove.isEmpty() ? DEFAULT_FOUR_EYES : fourEyesAbove).forEach((code, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("fundraising.four-eyes-above." + code + " is negative");
            }
            limits.put(Money.normalizeCurrency(code), amount);
        });
        fourEyesAbove = Map.copyOf(limits);
    }

    /**
     * Whether an amount in a base currency needs a second treasurer: it is above the limit of its currency, or its
     * currency has none.
     */
    boolean needsSecondTreasurer(Money amountInBase) {
        BigDecimal limit = fourEyesAbove.get(amountInBase.currency());
        return limit == null || amountInBase.toMajor().abs().compareTo(limit) > 0;
    }
}
