package org.solidarityhub.media;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names of stored files: 128 random bits in hex and the extension of what media produced. Public variants are
 * stored under their bare name (the name in {@code /media/{name}}), masters under {@code master/}, and kept originals
 * (receipts, for staff only) under {@code original/} with the extension of their type; neither folder is ever a
 * public name.
 */
final class MediaKeys {

    static final String MASTER_FOLDER = "master/";
    static final String ORIGINAL_FOLDER = "original/";
    private static final Pattern KEY = Pattern.compile(
            "(master/)?[0-9a-f]{32}\\.(jpg|png|mp4|webm)|original/[0-9a-f]{32}\\.(pdf|jpg|png|webp|heic|heif|mp4|mov|webm)");
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.(jpg|png|mp4|webm)");
    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "png", "image/png", "mp4", "video/mp4", "webm", "video/webm");
    /** Extensions of originals by the type the intake decided (extensionOf covers what media itself writes). */
    private static final Map<String, String> ORIGINAL_TYPES = Map.of(
            "pdf", "application/pdf", "jpg", "image/jpeg", "png", "image/png", "webp", "image/webp",
            "heic", "image/heic", "heif", "image/heif", "mp4", "video/mp4", "mov", "video/quicktime",
            "webm", "video/webm");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaKeys() {
    }

    /** A new random public name with this extension ({@code jpg}, {@code png}, {@code mp4}, {@code webm}). */
    static String newName(String extension) {
        String name = random(extension);
        check(name);
        return name;
    }

    private static String random(String extension) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + "." + extension.toLowerCase(Locale.ROOT);
    }

    static String newMasterKey(String extension) {
        return MASTER_FOLDER + newName(extension);
    }

    /** A new private key for a kept original of this type (as the intake decided it from the content). */
    static String newOriginalKey(String type) {
        String extension = ORIGINAL_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no original extension for " + type));
        String key = ORIGINAL_FOLDER + random(extension);
        check(key);
        return key;
    }

    /** Whether a requested name could be a public variant's at all (anything else is 404 without a lookup). */
    static boolean isPublicName(String name) {
        return NAME.matcher(name).matches();
    }

    static void check(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a media key");
        }
    }

    static String extension(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    static String contentType(String key) {
        if (key.startsWith(ORIGINAL_FOLDER)) {
            return ORIGINAL_TYPES.getOrDefault(extension(key), "application/octet-stream");
        }
        return TYPES.getOrDefault(extension(key), "application/octet-stream");
    }

    static String extensionOf(String contentType) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().equals(contentType)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no media extension for " + contentType));
    }
}
