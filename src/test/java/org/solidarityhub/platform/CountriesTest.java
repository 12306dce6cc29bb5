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
    void buildsTheOptionsOfACountrySelectOncePerLanguageAndMarksTheChosenOne() {
        Locale uk = Locale.forLanguageTag("uk");
        Countries.Options ukrainian = countries.options(uk);
        assertThat(countries.options(uk)).isSameAs(ukrainian);
        assertThat(countries.options(Locale.ENGLISH)).isNotSameAs(ukrainian);

        org.jsoup.nodes.Document none = org.jsoup.Jsoup.parse("<select>" + ukrainian.html(null) + "</select>");
        assertThat(none.select("option").eachText()).containsExactlyElementsOf(countries.all(uk).stream().map(Countries.Country::name).toList());
        assertThat(none.select("option").eachAttr("value")).containsExactlyElementsOf(countries.all(uk).stream().map(Countries.Country::code).toList());
        assertThat(none.select("option[selected]")).isEmpty();
        assertThat(ukrainian.html("XX")).isEqualTo(ukrainian.html(null));
        assertThat(ukrainian.html("\"><script>")).isEqualTo(ukrainian.html(null));

        org.jsoup.nodes.Document chosen = org.jsoup.Jsoup.parse("<select>" + ukrainian.html("BE") + "</select>");
        assertThat(chosen.select("option[selected]").eachAttr("value")).containsExactly("BE");
        assertThat(chosen.select("option[selected]").text()).isEqualTo("Бельгія");
        assertThat(countries.options(Locale.ENGLISH).html("UA")).contains("<option value=\"UA\" selected>Ukraine</option>");
    }

    @Test
    void escapesCountryNamesInTheOptions() {
        assertThat(countries.options(Locale.FRENCH).html(null)).doesNotContain("'").doesNotContain("\"\"").contains("Côte d’Ivoire");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("<select>" + countries.options(Locale.ENGLISH).html(null) + "</select>");
        assertThat(doc.select("option").eachText()).contains("Bosnia & Herzegovina", "Trinidad & Tobago");
        assertThat(countries.options(Locale.ENGLISH).html(null)).contains(">Bosnia &amp; Herzegovina<");
    }

    @Test
    void listsEveryCountrySortedByItsLocalName() {
        var all = countries.all(Locale.forLanguageTag("uk"));
        assertThat(all).hasSizeGreaterThan(240);
        assertThat(all.getFirst().name()).startsWith("А");
    }
}
