package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFs (receipts) with Apache PDFBox, bounded: the document is parsed with at most {@code app.media.pdf.memory} of
 * heap for its buffers and a scratch file in the work folder beyond; encrypted PDFs (even with an empty user
 * password), PDFs without pages or with too many, pages too large and PDFs that do not parse are refused on the
 * request thread ({@link #inspect}). On a worker, {@link #render} draws one page into plain RGB pixels on white, at
 * most the web size on its long side; rendering stops (refused) past the time limit or at an image larger than the
 * pixel cap. Only the pixels go on, into the image pipeline: no text layer, hidden layer (optional content that is
 * off is not drawn, invisible text is not painted), annotation structure, JavaScript, attachment or metadata.
 */
final class PdfPages {

    /** The size in pixels a page will be rendered at. */
    record PageSize(int width, int height) {
    }

    private final MediaProperties settings;

    PdfPages(MediaProperties settings) {
        this.settings = settings;
    }

    PdfSettings settings() {
        return settings.pdf();
    }

    /** Opens a PDF with bounded memory (scratch file in {@code scratchDir}); refuses encrypted or unparsable ones. */
    PDDocument open(Path file, Path scratchDir) throws IOException {
        PdfSettings pdf = settings.pdf();
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(pdf.memory().toBytes(), pdf.scratch().toBytes())
                .setTempDir(scratchDir.toFile());
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile(), "", memory.streamCache);
        } catch (InvalidPasswordException password) {
            throw new MediaRefusedException("media.refused.encrypted");
        } catch (IOException | RuntimeException broken) {
            throw new MediaRefusedException("media.refused.truncated");
        }
        if (document.isEncrypted()) {
            document.close();
            throw new MediaRefusedException("media.refused.encrypted");
        }
        return document;
    }

    /**
     * The checks on the request thread: the PDF opens, is not encrypted, has 1 to {@code max-pages} pages, each of a
     * sane size. Returns the size each page will be rendered at.
     */
    List<PageSize> inspect(Path file, Path scratchDir) throws IOException {
        try (PDDocument document = open(file, scratchDir)) {
            int count;
            try {
                count = document.getNumberOfPages();
            } catch (RuntimeException broken) {
                throw new MediaRefusedException("media.refused.truncated");
            }
            if (count == 0) {
                throw new MediaRefusedException("media.refused.noPages");
            }
            if (count > settings.pdf().maxPages()) {
                throw new MediaRefusedException("media.refused.tooManyPages");
            }
            List<PageSize> sizes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PDPage page;
                try {
                    page = document.getPage(i);
                } catch (RuntimeException broken) {
                    throw new MediaRefusedException("media.refused.truncated");
                }
                sizes.add(size(page));
            }
            return sizes;
        }
    }

    /** The page's rendered size; refuses pages with no area or, at the nominal resolution, too many pixels. */
    private PageSize size(PDPage page) {
        PDRectangle box = page.getCropBox();
        float width = box.getWidth();
        float height = box.getHeight();
        if (!(width >= 1 && height >= 1) || !Float.isFinite(width) || !Float.isFinite(height)) {
            throw new MediaRefusedException("media.refused.truncated");
        }
        double nominal = page.getUserUnit() * settings.pdf().dpi() / 72.0;
        if (width * nominal * height * nominal > settings.maxPixels()) {
            throw new MediaRefusedException("media.refused.pageTooLarge");
        }
        float scale = scale(width, height);
        int w = (int) Math.max(Math.floor(width * scale), 1);
        int h = (int) Math.max(Math.floor(height * scale), 1);
        return page.getRotation() % 180 == 0 ? new PageSize(w, h) : new PageSize(h, w);
    }

    /** Points to pixels: the configured resolution, but at most the web size on the long side. */
    private float scale(float width, float height) {
        return (float) Math.min(settings.pdf().dpi() / 72.0, settings.webSize() / (double) Math.max(width, height));
    }

    /**
     * Renders page {@code index} (from 0) of an open document into RGB pixels on white.
     *
     * @param deadline {@link System#nanoTime()} after which rendering is given up ({@code media.refused.documentTooSlow})
     */
    BufferedImage render(PDDocument document, int index, long deadline) throws IOException {
        PDPage page = document.getPage(index);
        size(page);
        PDRectangle box = page.getCropBox();
        Bounded renderer = new Bounded(document, deadline, settings.maxPixels());
        renderer.setSubsamplingAllowed(true);
        BufferedImage image;
        try {
            image = renderer.renderImage(index, scale(box.getWidth(), box.getHeight()), ImageType.RGB);
        } catch (Stop stop) {
            throw new MediaRefusedException(stop.key);
        }
        if (renderer.stopped != null) {
            throw new MediaRefusedException(renderer.stopped);
        }
        return image;
    }

    /** Ends rendering from inside PDFBox (unchecked, so that its handlers of IOExceptions do not swallow it). */
    private static final class Stop extends RuntimeException {
        final String key;

        Stop(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    /** A renderer whose page drawers check the time limit at every operator and the size of every image. */
    private static final class Bounded extends PDFRenderer {
        private final long deadline;
        private final long maxPixels;
        volatile String stopped;

        Bounded(PDDocument document, long deadline, long maxPixels) {
            super(document);
            this.deadline = deadline;
            this.maxPixels = maxPixels;
        }

        private void stop(String key) {
            stopped = key;
            throw new Stop(key);
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (System.nanoTime() - deadline > 0) {
                        stop("media.refused.documentTooSlow");
                    }
                    super.processOperator(operator, operands);
                }

                @Override
                public void drawImage(PDImage image) throws IOException {
                    if ((long) image.getWidth() * image.getHeight() > maxPixels) {
                        stop("media.refused.pageTooLarge");
                    }
                    super.drawImage(image);
                }
            };
        }
    }
}
