package org.solidarityhub.platform;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The paper sizes of the posters: A4 by default, US Letter by {@code ?paper=letter}; sizes in PDF points. */
public enum PosterPaper {
    A4("a4", 595.28f, 841.89f),
    LETTER("letter", 612f, 792f);

    private final String parameter;
    private final float width;
    private final float height;

    PosterPaper(String parameter, float width, float height) {
        this.parameter = parameter;
        this.width = width;
        this.height = height;
    }

    /** A4 when absent or empty; any other value than "a4" or "letter" (in any case) is refused with a 400. */
    public static PosterPaper parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return A4;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (PosterPaper paper : values()) {
            if (paper.parameter.equals(wanted)) {
                return paper;
            }
        }
        throw new BadInputException("poster.error.paper");
    }

    /** Its value of {@code ?paper=}. */
    public String parameter() {
        return parameter;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }
}
