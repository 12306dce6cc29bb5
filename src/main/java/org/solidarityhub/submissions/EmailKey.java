package org.solidarityhub.submissions;

import java.util.Locale;

import org.solidarityhub.platform.Tokens;

/**
 * The key under which an email address is known again without being kept (an appeal is signed once per key; a
 * news commenter who confirmed once is not asked again): lower case, without a {@code +tag}, and for Gmail without
 * dots (Gmail ignores them) and with googlemail.com as gmail.com. Only its hash is stored.
 */
public final class EmailKey {

    private EmailKey() {
    }

    public static String normalize(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    public static String hash(String email) {
        return Tokens.hash(normalize(email));
    }
}
