package org.solidarityhub.platform;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of what the site draws itself (share cards, posters): DejaVu Sans, regular and bold, shipped in the
 * app ({@code src/main/resources/fonts/}, its licence beside it). It covers the Latin, Cyrillic, Greek, Arabic and
 * Hebrew scripts, so a card or a poster in any interface language (Arabic included) shows its letters.
 */
final class Fonts {

    static final String REGULAR = "/fonts/DejaVuSans.ttf";
    static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    private Fonts() {
    }

    /** The font file; the caller closes it. */
    static InputStream open(String resource) {
        InputStream in = Fonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the font " + resource + " is missing from the class path");
        }
        return in;
    }

    /** The font for Java 2D, at size 1 (derive the size to draw at). */
    static Font awt(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new UncheckedIOException(new IOException("cannot read the font " + resource, e));
        }
    }
}
