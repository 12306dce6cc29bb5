package org.solidarityhub.platform;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * Writes a {@link Poster} as a one-page PDF with PDFBox: the campaign's colours, the title wrapped and made smaller
 * until it fits, the facts, and the QR code drawn as vector rectangles (sharp at any size, any printer). The only
 * font is Liberation Sans from PDFBox's own jar, embedded (subset): Latin, Greek and Cyrillic, nothing of the
 * machine's fonts. A character it has no glyph for is left out of the PDF (the HTML poster shows every script).
 */
final class PosterPdf {


    private static final Color BRAND = new Color(0x00, 0x57, 0xb7);
    private static final Color BRAND_DARK = new Color(0x00, 0x3d, 0x80);
    private static final Color ACCENT = new Color(0xff, 0xd7, 0x00);
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x4a, 0x4a, 0x4a);

    /** Margin of the print-safe area, in points (about 14 mm). */
    private static final float MARGIN = 40;

    private final PDType0Font font;
    /** The bold face; lines are measured with it (the wider), so that a line fits in either face. */
    private final PDType0Font bold;
    /** Whether the poster's language is written from right to left: its lines then end at the right edge. */
    private final boolean rightToLeft;
    private final PDPageContentStream out;
    private final float width;
    private final float height;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    private PosterPdf(PDType0Font font, PDType0Font bold, boolean rightToLeft, PDPageContentStream out, PosterPaper paper) {
        this.font = font;
        this.bold = bold;
        this.rightToLeft = rightToLeft;
        this.out = out;
        this.width = paper.width();
        this.height = paper.height();
    }

    /** The PDF of the poster on this paper. */
    static byte[] render(Poster poster, PosterPaper paper) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(paper.width(), paper.height()));
            document.addPage(page);
            PDType0Font font;
            PDType0Font bold;
            try (InputStream regular = Fonts.open(Fonts.REGULAR); InputStream heavy = Fonts.open(Fonts.BOLD)) {
                font = PDType0Font.load(document, regular);
                bold = PDType0Font.load(document, heavy);
            }
            document.getDocumentCatalog().setLanguage(poster.language());
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(poster.title());
            document.setDocumentInformation(info);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                new PosterPdf(font, bold, ContentLanguages.isRightToLeft(poster.language()), out, paper).draw(poster, page);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(Poster poster, PDPage page) throws IOException {
        float inner = width - 2 * MARGIN;
        float compact = height < 800 ? 0.94f : 1f; // Letter is shorter than A4

        // the bottom, from the footer up: the QR code with the call to action and the address
        float footerTop = height - MARGIN - 12;
        float qrSize = Math.min(180, inner * 0.36f) * compact;
        float qrTop = footerTop - 18 - qrSize;

        // the top: the eyebrow, the title as big as fits in five lines while the facts keep their size, the slogan
        Text eyebrow = fit(poster.eyebrow().toUpperCase(java.util.Locale.forLanguageTag(poster.language())), inner, 15, 10, 2);
        Text slogan = fit(poster.slogan(), inner, 26 * compact, 14, 3);
        float needed = middle(poster, inner, 1f, 0, new ArrayList<>());
        Text title = null;
        for (float max = 60 * compact; max >= 24; max -= 4) {
            title = fit(poster.title(), inner, max, Math.min(max, 24), 5);
            if (bandHeight(eyebrow, title) + sloganHeight(slogan) + 26 + needed <= qrTop - 24 || max - 4 < 24) {
                break;
            }
        }
        float bandHeight = bandHeight(eyebrow, title);
        fillRect(BRAND, 0, 0, width, bandHeight);
        float top = write(eyebrow, ACCENT, MARGIN, MARGIN, true);
        write(title, Color.WHITE, MARGIN, top + 14, true);

        fillRect(ACCENT, 0, bandHeight, width, sloganHeight(slogan));
        write(slogan, BRAND_DARK, MARGIN, bandHeight + 18, true);
        top = bandHeight + sloganHeight(slogan) + 26;

        // between them: the lead and the facts, smaller until they fit
        float room = qrTop - 24 - top;
        for (float scale = 1f; ; scale -= 0.08f) {
            List<Runnable> drawing = new ArrayList<>();
            float used = middle(poster, inner, scale, top, drawing);
            if (used <= room || scale < 0.55f) {
                for (Runnable step : drawing) {
                    step.run();
                }
                break;
            }
        }

        // the code's quiet zone lies in the margin, so that its dark modules line up with the text
        QrCode qr = QrCode.of(poster.url());
        float quiet = qrSize / qr.size() * QrCode.MARGIN;
        drawQr(qr, MARGIN - quiet, qrTop, qrSize);
        link(page, poster.url(), MARGIN - quiet, qrTop, qrSize, qrSize);
        float textLeft = MARGIN + qrSize - quiet + 20;
        float textWidth = width - MARGIN - textLeft;
        Text cta = fit(poster.callToAction(), textWidth, 26 * compact, 14, 4);
        Text address = fitBreakingAnywhere(poster.urlText(), textWidth, 13, 9, 3);
        float ctaTop = qrTop + Math.max(0, (qrSize - cta.height() - 12 - address.height()) / 2);
        float after = write(cta, BRAND, textLeft, ctaTop, true);
        write(address, INK, textLeft, after + 12, false);
        link(page, poster.url(), textLeft, ctaTop, textWidth, after + 12 + address.height() - ctaTop);

        fillRect(BRAND, MARGIN, footerTop - 8, inner, 2);
        Text footer = fit(poster.footer() + " · " + poster.host(), inner, 11, 8, 1);
        write(footer, MUTED, MARGIN, footerTop, false);
    }

    private static float bandHeight(Text eyebrow, Text title) {
        return MARGIN + eyebrow.height() + 14 + title.height() + 30;
    }

    private static float sloganHeight(Text slogan) {
        return 18 + slogan.height() + 18;
    }

    /** Lays out the lead and the facts at this scale from {@code top}; returns the height used. */
    private float middle(Poster poster, float inner, float scale, float top, List<Runnable> drawing) throws IOException {
        float y = top;
        if (poster.lead() != null && !poster.lead().isBlank()) {
            Text lead = fit(poster.lead(), inner, 20 * scale, 13 * scale, 9);
            float at = y;
            drawing.add(() -> writeUnchecked(lead, INK, MARGIN, at, false));
            y += lead.height() + 20 * scale;
        }
        for (Poster.Fact fact : poster.facts()) {
            Text label = fit(fact.label().toUpperCase(java.util.Locale.forLanguageTag(poster.language())), inner, 12 * scale, 9, 1);
            Text value = fit(fact.value(), inner, 24 * scale, 12, 3);
            float labelAt = y;
            float valueAt = y + label.height() + 4;
            drawing.add(() -> writeUnchecked(label, BRAND, MARGIN, labelAt, true));
            drawing.add(() -> writeUnchecked(value, INK, MARGIN, valueAt, true));
            y = valueAt + value.height();
            if (fact.note() != null && !fact.note().isBlank()) {
                Text note = fit(fact.note(), inner, 13 * scale, 9, 2);
                float noteAt = y + 4;
                drawing.add(() -> writeUnchecked(note, MUTED, MARGIN, noteAt, false));
                y = noteAt + note.height();
            }
            y += 18 * scale;
        }
        return y - top;
    }

    /** Lines of text at one size, laid out in a box of this width. */
    private record Text(List<String> lines, float size, float box) {
        float leading() {
            return size * 1.18f;
        }

        float height() {
            return lines.isEmpty() ? 0 : leading() * (lines.size() - 1) + size;
        }
    }

    /**
     * The text wrapped at word boundaries in at most {@code maxLines} lines of {@code width}, at the largest size from
     * {@code max} down to {@code min} at which it fits; at {@code min}, what is left over ends in an ellipsis.
     */
    private Text fit(String text, float width, float max, float min, int maxLines) throws IOException {
        String clean = printable(text);
        // a size at which no word is broken, else one at which the words that must be broken are
        for (boolean breakingWords : new boolean[] {false, true}) {
            for (float size = max; size > min; size -= 2) {
                List<String> lines = wrap(clean, size, width, false);
                if (lines.size() <= maxLines && (breakingWords || !breaksAWord(clean, size, width))) {
                    return new Text(lines, size, width);
                }
            }
        }
        return new Text(cut(wrap(clean, min, width, false), maxLines, min, width), min, width);
    }

    /** As {@link #fit}, breaking anywhere (an address has no spaces). */
    private Text fitBreakingAnywhere(String text, float width, float max, float min, int maxLines) throws IOException {
        String clean = printable(text);
        for (float size = max; size > min; size -= 1) {
            List<String> lines = wrap(clean, size, width, true);
            if (lines.size() <= maxLines) {
                return new Text(lines, size, width);
            }
        }
        return new Text(cut(wrap(clean, min, width, true), maxLines, min, width), min, width);
    }

    private boolean breaksAWord(String text, float size, float width) throws IOException {
        for (String word : text.split(" ")) {
            if (width(word, size) > width) {
                return true;
            }
        }
        return false;
    }

    private List<String> cut(List<String> lines, int maxLines, float size, float width) throws IOException {
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.getLast();
        while (!last.isEmpty() && width(last + "…", size) > width) {
            last = last.substring(0, last.offsetByCodePoints(last.length(), -1)).stripTrailing();
        }
        kept.set(maxLines - 1, last + "…");
        return kept;
    }

    private List<String> wrap(String text, float size, float width, boolean anywhere) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : anywhere ? text.split("(?<=/)") : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String joined = line.isEmpty() || anywhere ? line + word : line + " " + word;
            if (width(joined, size) <= width) {
                line.setLength(0);
                line.append(joined);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the line is broken where it must
            String rest = word;
            while (width(rest, size) > width) {
                int end = rest.length();
                while (end > 1 && width(rest.substring(0, end), size) > width) {
                    end = rest.offsetByCodePoints(end, -1);
                }
                lines.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return bold.getStringWidth(visual(text)) / 1000 * size;
    }

    /**
     * A line as it is drawn: Arabic letters in their joined forms and every right-to-left run in drawing order (PDF
     * text has neither shaping nor bidi; ICU gives both). Other lines as they are.
     */
    private String visual(String line) {
        String visual = visual(line, rightToLeft);
        return visual.codePoints().allMatch(c -> printable.computeIfAbsent(c, this::hasGlyph)) ? visual : line;
    }

    /** As {@link #visual(String)}, in a paragraph of this direction, whatever the fonts have. */
    static String visual(String line, boolean rightToLeft) {
        if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
            return line;
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(line);
        } catch (ArabicShapingException e) {
            shaped = line;
        }
        Bidi bidi = new Bidi(shaped, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    /** The text on one line of single spaces, without the characters the font cannot show. */
    private String printable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                if (!kept.isEmpty() && kept.charAt(kept.length() - 1) != ' ') {
                    kept.append(' ');
                }
            } else if (printable.computeIfAbsent(c, this::hasGlyph)) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString().strip();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            String character = new String(Character.toChars(codePoint));
            font.encode(character);
            bold.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Writes the lines from {@code top} (from the top of the page); returns where the text ends. */
    private float write(Text text, Color color, float x, float top, boolean heavy) throws IOException {
        out.setNonStrokingColor(color);
        float baseline = top + text.size() * 0.9f;
        for (String line : text.lines()) {
            String drawn = visual(line);
            float start = rightToLeft ? x + text.box() - width(line, text.size()) : x;
            out.beginText();
            out.setFont(heavy ? bold : font, text.size());
            out.newLineAtOffset(start, height - baseline);
            out.showText(drawn);
            out.endText();
            baseline += text.leading();
        }
        return top + text.height();
    }

    private void writeUnchecked(Text text, Color color, float x, float top, boolean heavy) {
        try {
            write(text, color, x, top, heavy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillRect(Color color, float x, float top, float w, float h) throws IOException {
        out.setNonStrokingColor(color);
        out.addRect(x, height - top - h, w, h);
        out.fill();
    }

    /** The code on white (its quiet zone included), each run of dark modules in a row one rectangle. */
    private void drawQr(QrCode qr, float x, float top, float size) throws IOException {
        fillRect(Color.WHITE, x, top, size, size);
        float module = size / qr.size();
        out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < qr.size(); row++) {
            int column = 0;
            while (column < qr.size()) {
                if (!qr.dark(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < qr.size() && qr.dark(column, row)) {
                    column++;
                }
                out.addRect(x + start * module, height - top - (row + 1) * module, (column - start) * module, module);
            }
        }
        out.fill();
    }

    /** A link over an area, so the PDF read on a screen opens the page too. */
    private void link(PDPage page, String url, float x, float top, float w, float h) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        PDActionURI action = new PDActionURI();
        action.setURI(url);
        link.setAction(action);
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        link.setRectangle(new PDRectangle(x, height - top - h, w, h));
        List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
        annotations.add(link);
        page.setAnnotations(annotations);
    }
}
