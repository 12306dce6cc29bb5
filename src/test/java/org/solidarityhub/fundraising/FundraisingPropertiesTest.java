package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FundraisingPropertiesTest {

    @Test
    void anAmountAboveTheLimitOfItsBaseCurrencyNeedsASecondTreasurerAndAnUnlistedCurrencyAlwaysDoes() {
        var defaults = new FundraisingProperties(null, 50);
        assertThat(defaults.needsSecondTreasurer(new Money(100_000, "EUR"))).isFalse();
        assertThat(defaults.needsSecondTreasurer(new Money(100_001, "EUR"))).isTrue();
        assertThat(defaults.needsSecondTreasurer(new Money(4_000_000, "UAH"))).isFalse();
        assertThat(defaults.needsSecondTreasurer(new Money(1, "JPY"))).isTrue();

        var configured = new FundraisingProperties(Map.of("jpy", new BigDecimal("150000")), 50);
        assertThat(configured.needsSecondTreasurer(new Money(150_000, "JPY"))).isFalse();
        assertThat(configured.needsSecondTreasurer(new Money(150_001, "JPY"))).isTrue();
        assertThat(configured.needsSecondTreasurer(new Money(1, "EUR"))).isTrue();
    }

    @Test
    void aLimitForAnUnknownCurrencyOrBelowZeroStopsTheStart() {
        assertThatThrownBy(() -> new FundraisingProperties(Map.of("ABC", BigDecimal.ONE), 50))
                .isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> new FundraisingProperties(Map.of("EUR", new BigDecimal("-1")), 50))
                .hasMessageContaining("negative");
    }
}
