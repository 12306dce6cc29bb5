package org.solidarityhub.fundraising;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Reads the bytes of a CSV export as text. {@link #AUTO} finds the encoding: a UTF-8 byte order mark, else valid
 * UTF-8, else the single-byte encoding that ICU's detector (Tika's copy) finds likeliest among {@link #CHOICES}; when
 * it is unsure, runs of letters above ASCII mean Cyrillic (Windows-1251), single ones Latin (Windows-1252). The
 * treasurer may name the encoding instead; bytes that are not valid in it are refused as a wrong encoding.
 */
final class TextDecoding {

    static final String AUTO = "AUTO";
    /** The encodings a treasurer can choose, by their Java names. */
    static final List<String> CHOICES = List.of("UTF-8", "windows-1251", "windows-1252", "windows-1250",
            "ISO-8859-1", "ISO-8859-2", "ISO-8859-5", "ISO-8859-15", "KOI8-U");
    /** What the detector says that is read better as a superset (WHATWG does the same). */
    private static final Map<String, String> SUPERSETS = Map.of("ISO-8859-1", "windows-1252");
    private static final int SURE = 20;

    /** The text and the encoding it was read in, or a problem of the whole file. */
    record Decoded(String text, String encoding, ImportProblem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private TextDecoding() {
    }

    static Decoded decode(byte[] bytes, String chosen) {
        if (looksBinary(bytes)) {
            return refused(chosen, "fundraising.import.file.notText");
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        byte[] body = bom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
        String encoding = chosen == null || chosen.isBlank() || AUTO.equals(chosen) ? detect(body, bom) : chosen;
        if (!CHOICES.contains(encoding)) {
            return refused(encoding, "fundraising.import.encoding.unknown");
        }
        if (!"UTF-8".equals(encoding) && hasHighBytes(body) && isUtf8(body)) {
            return refused(encoding, "fundraising.import.encoding.wrong", encoding);
        }
        try {
            return new Decoded(strict(Charset.forName(encoding)).decode(ByteBuffer.wrap(body)).toString(), encoding, null);
        } catch (CharacterCodingException e) {
            return refused(encoding, "fundraising.import.encoding.wrong", encoding);
        }
    }

    private static String detect(byte[] body, boolean bom) {
        if (bom || isUtf8(body)) {
            return "UTF-8";
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(body);
        for (CharsetMatch match : detector.detectAll()) {
            String name = SUPERSETS.getOrDefault(match.getName(), match.getName());
            if (match.getConfidence() >= SURE && CHOICES.contains(name)) {
                return name;
            }
        }
        return mostlyRunsOfHighBytes(body) ? "windows-1251" : "windows-1252";
    }

    private static boolean isUtf8(byte[] body) {
        try {
            strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Cyrillic words are made of bytes above 0x7F; Latin words have one now and then. */
    private static boolean mostlyRunsOfHighBytes(byte[] body) {
        int high = 0;
        int pairs = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] < 0) {
                high++;
                if (i + 1 < body.length && body[i + 1] < 0) {
                    pairs++;
                }
            }
        }
        return high > 0 && pairs * 2 >= high;
    }

    private static boolean hasHighBytes(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static Decoded refused(String encoding, String key, String... args) {
        return new Decoded("", encoding == null ? AUTO : encoding, ImportProblem.file(key, args));
    }
}
