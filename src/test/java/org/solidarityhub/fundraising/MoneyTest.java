package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void anAmountIsKeptInWholeMinorUnitsOfItsCurrency() {
        assertThat(Money.parse("12.34", "eur")).isEqualTo(new Money(1234, "EUR"));
        assertThat(Money.parse("12,3", "EUR")).isEqualTo(new Money(1230, "EUR"));
        assertThat(Money.parse(" 1500 ", "JPY")).isEqualTo(new Money(1500, "JPY"));
        assertThat(Money.parse("1.234", "KWD")).isEqualTo(new Money(1234, "KWD"));
        assertThat(Money.parse("60000", "EUR").plain()).isEqualTo("60000.00");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedWithTheirOwnMessage() {
        assertReason(() -> Money.parse("10.5", "JPY"), "fundraising.amount.noDecimals");
        assertReason(() -> Money.parse("1.234", "EUR"), "fundraising.amount.decimals");
        assertReason(() -> Money.parse("1.2345", "KWD"), "fundraising.amount.decimals");
    }

    @Test
    void negativeBlankMalformedAndOverflowingAmountsAreRefused() {
        assertReason(() -> Money.parse("-5", "EUR"), "fundraising.amount.negative");
        assertReason(() -> Money.parse("\u22125", "EUR"), "fundraising.amount.negative");
        assertReason(() -> Money.parse("", "EUR"), "fundraising.amount.required");
        assertReason(() -> Money.parse(null, "EUR"), "fundraising.amount.required");
        assertReason(() -> Money.parse("1 000", "EUR"), "fundraising.amount.format");
        assertReason(() -> Money.parse("1e5", "EUR"), "fundraising.amount.format");
        assertReason(() -> Money.parse("=1+1", "EUR"), "fundraising.amount.format");
        assertReason(() -> Money.parse("99999999999999999999999", "EUR"), "fundraising.amount.tooLarge");
        assertReason(() -> Money.parse("10000000000000.01", "EUR"), "fundraising.amount.tooLarge");
        assertThat(Money.parse("10000000000000", "EUR").minor()).isEqualTo(Money.MAX_MINOR);
    }

    @Test
    void unknownAndNonMoneyCurrenciesAreRefused() {
        assertReason(() -> Money.parse("1", "ABC"), "fundraising.currency.unknown");
        assertReason(() -> Money.parse("1", "XXX"), "fundraising.currency.unknown");
        assertReason(() -> Money.parse("1", "XTS"), "fundraising.currency.unknown");
        assertReason(() -> Money.parse("1", "XAU"), "fundraising.currency.unknown");
        assertReason(() -> Money.parse("1", "CLF"), "fundraising.currency.unknown");
        assertReason(() -> Money.parse("1", "EURO"), "fundraising.currency.unknown");
        assertReason(() -> Money.parse("1", " "), "fundraising.currency.required");
    }

    @Test
    void anAmountIsShownAsTheReadersLanguageWritesMoney() {
        assertThat(new Money(6_000_000, "EUR").format(Locale.ENGLISH)).contains("60,000.00");
        assertThat(new Money(1500, "JPY").format(Locale.ENGLISH)).doesNotContain(".");
    }

    @Test
    void aTypedRateConvertsToTheBaseCurrencyRoundingHalfEven() {
        ExchangeRate rate = ExchangeRate.parse("USD", "UAH", "41,2345", LocalDate.of(2026, 2, 24), "NBU");
        assertThat(rate.rate()).isEqualByComparingTo(new BigDecimal("41.2345"));
        assertThat(rate.convert(new Money(10_000, "USD"))).isEqualTo(new Money(412_345, "UAH"));
        ExchangeRate yen = ExchangeRate.parse("JPY", "EUR", "0.0061", LocalDate.of(2026, 2, 24), "ECB");
        assertThat(yen.convert(new Money(1500, "JPY"))).isEqualTo(new Money(915, "EUR"));
    }

    @Test
    void aBadRateIsRefusedWithItsOwnMessage() {
        LocalDate day = LocalDate.of(2026, 2, 24);
        assertReason(() -> ExchangeRate.parse("USD", "UAH", "", day, "NBU"), "fundraising.rate.required");
        assertReason(() -> ExchangeRate.parse("USD", "UAH", "-41", day, "NBU"), "fundraising.rate.format");
        assertReason(() -> ExchangeRate.parse("USD", "UAH", "0", day, "NBU"), "fundraising.rate.positive");
        assertReason(() -> ExchangeRate.parse("USD", "UAH", "1.12345678901", day, "NBU"), "fundraising.rate.format");
        assertReason(() -> ExchangeRate.parse("USD", "UAH", "41", null, "NBU"), "fundraising.rate.dateRequired");
        assertReason(() -> ExchangeRate.parse("USD", "UAH", "41", day, " "), "fundraising.rate.sourceRequired");
        assertReason(() -> ExchangeRate.parse("JPY", "EUR", "0.001", day, "ECB").convert(new Money(1, "JPY")),
                "fundraising.rate.roundsToZero");
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(MoneyException.class)
                .satisfies(e -> assertThat(((MoneyException) e).reasonKey()).isEqualTo(key));
    }
}
