package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ContentLanguagesTest {

    private final ContentLanguages languages = new ContentLanguages(
            new SupportedLanguages(List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"), Locale.forLanguageTag("ru"))));

    @Test
    void anyLanguageCldrNamesIsAContentLanguageIncludingThoseWithoutATwoLetterCode() {
        assertThat(ContentLanguages.isKnown("uk")).isTrue();
        assertThat(ContentLanguages.isKnown("crh")).isTrue(); // Crimean Tatar
        assertThat(ContentLanguages.isKnown("ase")).isTrue(); // American Sign Language
        assertThat(ContentLanguages.isKnown("he")).isTrue();
    }

    @Test
    void unknownReplacedOrMalformedCodesAreNotContentLanguages() {
        assertThat(ContentLanguages.isKnown("xq")).isFalse();
        assertThat(ContentLanguages.isKnown("iw")).isFalse(); // Hebrew's old code: he
        assertThat(ContentLanguages.isKnown("UK")).isFalse();
        assertThat(ContentLanguages.isKnown("uk ")).isFalse();
        assertThat(ContentLanguages.isKnown("")).isFalse();
        assertThat(ContentLanguages.isKnown(null)).isFalse();
    }

    @Test
    void formsOfferTheInterfaceLanguagesFirstThenTheOthersByTheirNamesInTheReadersLanguage() {
        List<ContentLanguages.Option> ukrainian = languages.offered(Locale.forLanguageTag("uk"));
        assertThat(ukrainian.subList(0, 3)).extracting(ContentLanguages.Option::name)
                .containsExactly("Англійська", "Українська", "Російська");
        assertThat(ukrainian).extracting(ContentLanguages.Option::code).doesNotHaveDuplicates().contains("crh", "be", "pl");
        List<String> rest = ukrainian.subList(3, ukrainian.size()).stream().map(ContentLanguages.Option::name).toList();
        int abkhaz = rest.indexOf("Абхазька");
        int yiddish = rest.indexOf("Їдиш");
        assertThat(abkhaz).isLessThan(yiddish).isNotNegative();
        assertThat(languages.offered(Locale.ENGLISH)).contains(new ContentLanguages.Option("crh", "Crimean Tatar"));
    }

    @Test
    void aLanguageIsNamedInTheReadersLanguageAndInItsOwn() {
        assertThat(ContentLanguages.name("de", Locale.forLanguageTag("fr"))).isEqualTo("Allemand");
        assertThat(SupportedLanguages.nativeName(Locale.forLanguageTag("be"))).isEqualTo("Беларуская");
        assertThat(SupportedLanguages.nativeName(Locale.forLanguageTag("ar"))).isEqualTo("العربية");
    }
}
