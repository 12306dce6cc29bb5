package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PluralFormsTest {

    private static final Locale UK = Locale.forLanguageTag("uk");

    @Test
    void englishHasOneForOneAndOtherForEverythingElse() {
        assertThat(PluralForms.form(1, Locale.ENGLISH)).isEqualTo("one");
        for (long n : new long[] {0, 2, 5, 11, 21, 101}) {
            assertThat(PluralForms.form(n, Locale.ENGLISH)).as("%d", n).isEqualTo("other");
        }
    }

    @Test
    void ukrainianFollowsTheLastDigitsAsCldrSays() {
        for (long n : new long[] {1, 21, 31, 101, 1001}) {
            assertThat(PluralForms.form(n, UK)).as("%d", n).isEqualTo("one");
        }
        for (long n : new long[] {2, 3, 4, 22, 24, 102}) {
            assertThat(PluralForms.form(n, UK)).as("%d", n).isEqualTo("few");
        }
        for (long n : new long[] {0, 5, 9, 10, 11, 12, 14, 15, 20, 111, 112}) {
            assertThat(PluralForms.form(n, UK)).as("%d", n).isEqualTo("many");
        }
    }

    @Test
    void aKeyGetsTheFormOfItsCount() {
        assertThat(PluralForms.key("events.waiting", 1, Locale.ENGLISH)).isEqualTo("events.waiting.one");
        assertThat(PluralForms.key("events.waiting", 3, UK)).isEqualTo("events.waiting.few");
        assertThat(PluralForms.key("events.waiting", 3, Locale.GERMAN)).isEqualTo("events.waiting.other");
    }

    @Test
    void everyCountableMessageHasEveryFormItsLanguageUses() throws IOException {
        Properties english = messages("messages.properties");
        Properties ukrainian = messages("messages_uk.properties");
        Set<String> countable = new TreeSet<>();
        for (Properties messages : List.of(english, ukrainian)) {
            messages.stringPropertyNames().stream().filter(k -> k.matches(".*\\.(one|few|many)$"))
                    .forEach(k -> countable.add(k.substring(0, k.lastIndexOf('.'))));
        }
        assertThat(countable).contains("events.waiting", "appeal.waiting.organizations");
        for (String key : countable) {
            for (String form : List.of("one", "other")) {
                assertThat(english.getProperty(key + "." + form)).as("%s.%s in English", key, form).isNotBlank().contains("{0}");
            }
            for (String form : List.of("one", "few", "many", "other")) {
                assertThat(ukrainian.getProperty(key + "." + form)).as("%s.%s in Ukrainian", key, form).isNotBlank().contains("{0}");
            }
        }
    }

    private static Properties messages(String file) throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(PluralFormsTest.class.getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }
}
