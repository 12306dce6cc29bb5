package org.solidarityhub.fundraising;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The keys that recognise a payment when a bank export is imported again: the SHA-256 of the bank's transaction id
 * when the export has one, else of date, amount, currency and reference. Two equal payments in one file without a
 * bank id (two donors giving 100 UAH "for vests" on one day) are both real, so the n-th of them in a file gets n in
 * its key: the same export imported again gives the same keys, and neither is lost. One instance per file.
 */
final class DuplicateKeys {

    private final Map<String, Integer> seen = new HashMap<>();

    String next(LocalDate date, long minor, String currency, String reference, String bankId) {
        if (!bankId.isBlank()) {
            return sha256("bank\u0000" + bankId.strip());
        }
        String content = "line\u0000" + date + "\u0000" + minor + "\u0000" + currency + "\u0000"
                + reference.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        int occurrence = seen.merge(content, 1, Integer::sum);
        return sha256(content + "\u0000" + occurrence);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
