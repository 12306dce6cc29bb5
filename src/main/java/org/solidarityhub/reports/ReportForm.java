package org.solidarityhub.reports;

import org.jspecify.annotations.Nullable;

/**
 * What a sender fills in (both forms): the text, an attendance estimate, links one per line, and, on the
 * campaign page only, the country of the action and an email address to confirm from. {@code blur} is the
 * "blur faces" checkbox. The files travel beside it as multipart parts named {@code files}.
 */
record ReportForm(@Nullable String text, @Nullable String attendance, @Nullable String links, @Nullable String country,
                  @Nullable String email, @Nullable String blur) {

    static ReportForm empty() {
        return new ReportForm("", "", "", "", "", null);
    }

    public boolean blurRequested() { // public: the template calls it
        return blur != null && !blur.isBlank();
    }
}
