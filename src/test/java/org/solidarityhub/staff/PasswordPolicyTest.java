package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongPassphraseOfUnrelatedWords() {
        assertThat(policy.problem("violet kettle marches north 1917")).isEmpty();
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
