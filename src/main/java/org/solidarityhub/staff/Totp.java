package org.solidarityhub.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords, RFC 6238 (HOTP of RFC 4226 over 30-second steps), as authenticator apps
 * compute them: HMAC-SHA1, six digits. A code is accepted for the step before and after the current one,
 * and never for a step at or before the last one used.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    static final String ALGORITHM = "HmacSHA1";
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new 160-bit secret in Base32, as authenticator apps take it. */
    static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The HOTP value of a key at a counter (RFC 4226 section 5.3), zero-padded to {@code digits}. */
    static String code(byte[] key, long counter, int digits, String hmacAlgorithm) {
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            String text = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - text.length()) + text;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " is part of every JDK", e);
        }
    }

    static String code(String base32Secret, long step) {
        return code(decode(base32Secret), step, DIGITS, ALGORITHM);
    }

    /**
     * The step a code is valid for at {@code now} (allowing one step of clock drift either way), if it is
     * later than {@code lastUsedStep}.
     */
    static OptionalLong verify(String base32Secret, String code, Instant now, Long lastUsedStep) {
        String candidate = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!candidate.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] key = decode(base32Secret);
        long current = step(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (lastUsedStep != null && step <= lastUsedStep) {
                continue;
            }
            byte[] expected = code(key, step, DIGITS, ALGORITHM).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// URI that authenticator apps read from the QR code. */
    static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** The secret in groups of four, for typing it in by hand. */
    static String grouped(String base32Secret) {
        return base32Secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static byte[] decode(String base32Secret) {
        return new Base32().decode(base32Secret.toUpperCase(java.util.Locale.ROOT));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
