package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongPassphraseOfUnrelatedWords() {
        assertThat(policy.problem("violet kettle marches north 1917")).isEmpty();
    }

    @Test
    void acceptsPassphrasesOfUnrelatedEverydayWordsEvenWhenSomeAreOnTheListOfCommonPasswords() {
        // "velvet" and "tangerine" are on zxcvbn's list of common passwords; the phrase as a whole is not
        for (String passphrase : List.of("velvet harbor tangerine quokka 42", "maple river lantern orbit",
                "sunshine dragon princess football", "mustang shadow master harbor")) {
            assertThat(policy.problem(passphrase)).as(passphrase).isEmpty();
        }
    }

    @Test
    void rejectsAReallyCommonPasswordWithDigitsOrSymbolsAddedAsCommon() {
        for (String common : List.of("password1234", "Qwerty123456!", "iloveyou1234", "superman2024", "trustno1 trustno1",
                "letmein12345", "P@ssword1234")) {
            assertThat(policy.problem(common)).as(common).contains("staff.password.common");
        }
    }

    @Test
    void rejectsTwoOrThreeVeryCommonWordsAsEasyToGuess() {
        assertThat(policy.problem("dragon dragon dragon")).contains("staff.password.weak");
        assertThat(policy.problem("monkey dragon")).isPresent();
    }

    @Test
    void theHintOnTheFormsSaysWhatTheRuleChecksInEveryLanguage() throws IOException {
        for (String file : List.of("messages.properties", "messages_uk.properties")) {
            Properties messages = new Properties();
            try (var in = new InputStreamReader(getClass().getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            assertThat(messages.getProperty("staff.password.hint")).as(file)
                    .contains(String.valueOf(PasswordPolicy.MIN_LENGTH));
        }
        // what the English hint recommends: four or more unrelated words with spaces between them
        assertThat(policy.problem("copper meadow violin cactus")).isEmpty();
        assertThat(policy.problem("harbor quokka lantern tangerine velvet")).isEmpty();
    }

    @Test
    void rejectsPasswordsShorterThanTwelveCharacters() {
        assertThat(policy.problem("Zx8#qL2!vR")).contains("staff.password.tooShort");
        assertThat(policy.problem(null)).contains("staff.password.tooShort");
    }

    @Test
    void countsCharactersNotBytesForTheMinimum() {
        // eleven Cyrillic letters are 22 bytes but still too short
        assertThat(policy.problem("абвгдеєжзий")).contains("staff.password.tooShort");
    }

    @Test
    void rejectsPasswordsLongerThanBcryptReads() {
        assertThat(policy.problem("слово ".repeat(13))).contains("staff.password.tooLong");
    }

    @Test
    void rejectsCommonPasswordsEvenWhenLongEnough() {
        assertThat(policy.problem("password1234")).contains("staff.password.common");
        assertThat(policy.problem("qwertyuiop123")).isPresent();
        assertThat(policy.problem("iloveyou1234")).isPresent();
    }

    @Test
    void rejectsPasswordsMadeOfTheMembersOwnNameOrEmail() {
        assertThat(policy.problem("olenakovalenko", "olena.kovalenko@example.org", "Olena Kovalenko")).isPresent();
    }

    @Test
    void rejectsEasilyGuessedPatterns() {
        assertThat(policy.problem("aaaaaaaaaaaaaaaa")).isPresent();
        assertThat(policy.problem("abcdefghijklmnop")).isPresent();
        assertThat(policy.problem("1234567890123")).isPresent();
    }
}
