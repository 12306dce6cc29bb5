package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.solidarityhub.platform.QrCode;

class TotpTest {

    private static final String SEED_SHA1 = "12345678901234567890";
    private static final String SEED_SHA256 = "12345678901234567890123456789012";
    private static final String SEED_SHA512 = "1234567890123456789012345678901234567890123456789012345678901234";

    /** RFC 6238, Appendix B: eight-digit codes at the given Unix times, 30-second steps. */
    @ParameterizedTest(name = "T={0}")
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheTestVectorsOfRfc6238(long unixTime, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(bytes(SEED_SHA1), step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(bytes(SEED_SHA256), step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(bytes(SEED_SHA512), step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheRfcValues() {
        String secret = base32(SEED_SHA1);
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepOfDriftEitherWay() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, null)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now, null)).isEmpty();
    }

    @Test
    void rejectsACodeOfAStepAlreadyUsed() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        String code = Totp.code(secret, step);
        assertThat(Totp.verify(secret, code, now, step)).isEmpty();
        assertThat(Totp.verify(secret, code, now, step - 1)).hasValue(step);
    }

    @Test
    void rejectsCodesThatAreNotSixDigits() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        assertThat(Totp.verify(secret, null, now, null)).isEmpty();
        assertThat(Totp.verify(secret, "", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "1234567", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "12a456", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "１２３４５６", now, null)).isEmpty();
    }

    @Test
    void toleratesSpacesAndDashesThatPeopleTypeInCodes() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        String code = Totp.code(secret, Totp.step(now));
        assertThat(Totp.verify(secret, code.substring(0, 3) + " " + code.substring(3), now, null)).isPresent();
        assertThat(Totp.verify(secret, code.substring(0, 3) + "-" + code.substring(3), now, null)).isPresent();
    }

    @Test
    void newSecretsAre160BitBase32WithoutPadding() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void buildsTheOtpauthUriThatAuthenticatorAppsRead() {
        assertThat(Totp.uri("Solidarity Hub", "olena@example.org", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Solidarity%20Hub:olena%40example.org?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Solidarity%20Hub&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void rendersTheEnrollmentQrCodeAsInlineSvgWithoutScript() {
        String svg = QrCode.svg(Totp.uri("Solidarity Hub", "a@example.org", Totp.newSecret()), "QR \"code\" <x>");
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("aria-label=\"QR &quot;code&quot; &lt;x&gt;\"")
                .doesNotContain("<script").doesNotContain("href");
    }

    private static byte[] bytes(String seed) {
        return seed.getBytes(StandardCharsets.US_ASCII);
    }

    private static String base32(String seed) {
        return new Base32().encodeToString(bytes(seed)).replace("=", "");
    }
}
