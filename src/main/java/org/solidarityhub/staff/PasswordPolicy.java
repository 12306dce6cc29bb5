package org.solidarityhub.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

import org.springframework.stereotype.Component;

/**
 * What makes a staff password acceptable, as the hint on the forms says ({@code staff.password.hint}): at least 12
 * characters and at most 72 bytes (bcrypt reads no further), not built on one of the common passwords of zxcvbn's
 * lists, and hard to guess by zxcvbn's estimate (score 3 of 4 or more), also given the member's own name and email.
 * <p>
 * A passphrase of a few unrelated words passes even when some of its words are also on the list of common passwords
 * (most everyday words are: "velvet", "tangerine"): a password counts as common only when one entry of that list
 * makes up at least half of it ("password1234", "Qwerty123456!", "trustno1 trustno1"). A phrase of few, very common
 * words is still refused as easy to guess by the score.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** The message key of what is wrong with a password, if anything. */
    Optional<String> problem(String password, String... personalWords) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("staff.password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("staff.password.tooLong");
        }
        Strength strength = zxcvbn.measure(password, List.of(personalWords));
        if (isBuiltOnACommonPassword(password, strength.getSequence())) {
            return Optional.of("staff.password.common");
        }
        if (strength.getScore() < 3) {
            return Optional.of("staff.password.weak");
        }
        return Optional.empty();
    }

    /** One match from the list of common passwords covers at least half of the password's characters (spaces aside). */
    private static boolean isBuiltOnACommonPassword(String password, List<Match> sequence) {
        int characters = (int) password.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        return sequence.stream()
                .filter(match -> "passwords".equals(match.dictionaryName))
                .anyMatch(match -> 2 * match.token.codePoints().count() >= characters);
    }
}
