package org.solidarityhub.media;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How PDFs (receipts) are checked and rendered, under {@code app.media.pdf.*} (see docs/media.md, "Receipts").
 *
 * @param maxSize   largest PDF upload
 * @param maxPages  PDFs with more pages are refused ({@code media.refused.tooManyPages})
 * @param dpi       pages are rendered at this resolution, but never larger than the web size on their long side; a
 *                  page that would have more than {@code app.media.max-pixels} at it is refused
 *                  ({@code media.refused.pageTooLarge})
 * @param timeout   rendering all pages of one PDF may take this long; after it the upload is refused
 *                  ({@code media.refused.documentTooSlow})
 * @param memory    bytes of the heap PDFBox may use per PDF for its buffers; beyond, it uses a scratch file in the
 *                  work folder
 * @param scratch   most bytes of that scratch file per PDF
 * @param fontCache folder of PDFBox's cache of the system's fonts (used for PDFs that do not embed theirs); empty:
 *                  {@code <app.data-dir>/pdfbox-fonts}. A JVM has one: the first setting wins
 */
record PdfSettings(
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue("20") int maxPages,
        @DefaultValue("200") int dpi,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("16MB") DataSize memory,
        @DefaultValue("256MB") DataSize scratch,
        @Nullable Path fontCache) {

    PdfSettings {
        if (maxPages < 1 || dpi < 36 || dpi > 600) {
            throw new IllegalArgumentException("app.media.pdf: max-pages >= 1 and 36 <= dpi <= 600");
        }
    }
}
