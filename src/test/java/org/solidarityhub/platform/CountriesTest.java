package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class CountriesTest {

    private final Countries countries = new Countries();

    @Test
    void acceptsIsoCodesInAnyCaseAndRejectsOthers() {
        assertThat(countries.normalize(" be ")).contains("BE");
        assertThat(countries.normalize("UA")).contains("UA");
        assertThat(countries.normalize("XX")).isEmpty();
        assertThat(countries.normalize("BEL")).isEmpty();
        assertThat(countries.normalize("<b>")).isEmpty();
        assertThat(countries.normalize(null)).isEmpty();
    }

    @Test
    void namesCountriesInTheReadersLanguage() {
        assertThat(countries.name("UA", Locale.ENGLISH)).isEqualTo("Ukraine");
        assertThat(countries.name("UA", Locale.forLanguageTag("uk"))).isEqualTo("Україна");
        assertThat(countries.name("BE", Locale.forLanguageTag("uk"))).isEqualTo("Бельгія");
    }

    @Test
    void listsEveryCountrySortedByItsLocalName() {
        var all = countries.all(Locale.forLanguageTag("uk"));
        assertThat(all).hasSizeGreaterThan(240);
        assertThat(all.getFirst().name()).startsWith("А");
    }
}
