package org.solidarityhub.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

import org.springframework.stereotype.Component;

/**
 * What makes a staff password acceptable: 12 to 72 bytes (bcrypt reads no further), not one of the common
 * passwords of zxcvbn's lists, and hard to guess by zxcvbn's estimate (score 3 of 4 or more), also
 * given the member's own name and email.
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
        boolean common = strength.getSequence().stream().anyMatch(PasswordPolicy::isCommonPassword);
        if (common) {
            return Optional.of("staff.password.common");
        }
        if (strength.getScore() < 3) {
            return Optional.of("staff.password.weak");
        }
        return Optional.empty();
    }

    private static boolean isCommonPassword(Match match) {
        return "passwords".equals(match.dictionaryName) && match.token.length() >= 6;
    }
}
