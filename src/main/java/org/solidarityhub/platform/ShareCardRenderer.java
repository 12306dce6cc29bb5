package org.solidarityhub.platform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.Bidi;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link ShareCard} as a 1200×630 PNG with Java2D, headless, in the campaign's colours (blue #0057b7 above,
 * yellow #ffd700 below, as the flag). The font is Liberation Sans, which ships inside PDFBox (a dependency already),
 * so the card looks the same on every machine whatever fonts it has installed; it covers Latin, Greek, Cyrillic and
 * Hebrew. Characters it cannot draw (emoji, scripts it lacks) are left out, and a title left with nothing to draw
 * falls back to the site's name: every card yields an image.
 */
final class ShareCardRenderer {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    /** Raised whenever the drawing changes, so that cards of unchanged texts get a new version too. */
    static final String DESIGN = "2";

    static final Color BLUE = new Color(0x0057b7);
    static final Color BLUE_DARK = new Color(0x003d80);
    static final Color YELLOW = new Color(0xffd700);
    private static final Color SOFT_WHITE = new Color(0xdce8fa);
    private static final Color TRACK = new Color(255, 255, 255, 60);
    private static final Color GLOW = new Color(255, 255, 255, 14);

    private static final int PAD = 72;
    private static final int BAND = 96;
    private static final int MAX_TITLE_LINES = 4;
    /** How wide a picture is drawn on the far side, and the room between it and the texts. */
    static final int PICTURE_WIDTH = 420;
    private static final int PICTURE_GAP = 48;
    private static final float[] TITLE_SIZES = {74, 68, 62, 56, 50, 44};
    private static final int MAX_INPUT = 400;
    private static final String ELLIPSIS = "…";

    private final Font regular;
    private final Font boldFace;
    private final Map<Float, Font> sizes = new ConcurrentHashMap<>();
    private final Map<Float, Font> boldSizes = new ConcurrentHashMap<>();

    ShareCardRenderer() {
        this.regular = Fonts.awt(Fonts.REGULAR);
        this.boldFace = Fonts.awt(Fonts.BOLD);
    }

    private Font font(float size) {
        return sizes.computeIfAbsent(size, s -> regular.deriveFont(Font.PLAIN, s));
    }

    private Font bold(float size) {
        return boldSizes.computeIfAbsent(size, s -> boldFace.deriveFont(Font.PLAIN, s));
    }

    /**
     * The card as PNG bytes.
     *
     * @param siteName what the band names ("Solidarity Hub")
     * @param host     the site's address as people type it ("hub.example.org")
     * @param locale   the card's language: line breaks, upper case of the kicker, and the side it starts from
     */
    byte[] render(ShareCard card, String siteName, String host, Locale locale) {
        return render(card, siteName, host, locale, null);
    }

    /** As above, with the card's picture ({@link ShareCard#picture()}) drawn on its far side when given. */
    byte[] render(ShareCard card, String siteName, String host, Locale locale, @Nullable BufferedImage picture) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setFont(font(20));
            draw(g, card, siteName, host, locale, picture);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private void draw(Graphics2D g, ShareCard card, String siteName, String host, Locale locale,
                      @Nullable BufferedImage picture) {
        boolean rtl = !java.awt.ComponentOrientation.getOrientation(locale).isLeftToRight();
        Side side = new Side(rtl);
        FontRenderContext frc = g.getFontRenderContext();
        int bandTop = HEIGHT - BAND;

        // the blue field with two soft circles, the yellow band
        g.setColor(BLUE);
        g.fillRect(0, 0, WIDTH, bandTop);
        g.setColor(GLOW);
        g.fill(new Ellipse2D.Double(side.x(WIDTH - 300, 0) - 260, -260, 720, 720));
        g.fill(new Ellipse2D.Double(side.x(WIDTH - 120, 0) - 200, bandTop - 220, 400, 400));
        if (picture != null) {
            drawPicture(g, picture, side, bandTop);
        }
        g.setColor(YELLOW);
        g.fillRect(0, bandTop, WIDTH, BAND);
        g.setColor(BLUE_DARK);
        g.fillRect(0, bandTop, WIDTH, 6);

        // the band: a small flag, the site's name, its address
        int bandBaseline = bandTop + BAND / 2 + 16;
        int flag = 40;
        int flagX = side.x(PAD, flag);
        g.setColor(BLUE);
        g.fill(new RoundRectangle2D.Double(flagX, bandBaseline - 32, flag, flag / 2.0, 6, 6));
        g.setColor(BLUE_DARK);
        g.setStroke(new BasicStroke(2f));
        g.draw(new RoundRectangle2D.Double(flagX, bandBaseline - 32, flag, flag, 6, 6));
        String name = fitted(drawable(siteName, bold(32)), bold(32), frc, 560);
        if (name.isEmpty()) {
            name = "Solidarity Hub";
        }
        TextLayout nameLayout = new TextLayout(name, bold(32), frc);
        nameLayout.draw(g, side.x(PAD + flag + 18, (float) nameLayout.getAdvance()), bandBaseline);
        String address = fitted(drawable(host, font(28)), font(28), frc, WIDTH - 2 * PAD - 620);
        if (!address.isEmpty()) {
            TextLayout hostLayout = new TextLayout(address, font(28), frc);
            hostLayout.draw(g, side.end(PAD, (float) hostLayout.getAdvance()), bandBaseline);
        }

        // from the top: the kicker (and its badge)
        // the texts' column: the whole card, or what the picture leaves
        int width = picture == null ? WIDTH - 2 * PAD : WIDTH - PAD - PICTURE_WIDTH - PICTURE_GAP;
        float left = side.x(PAD, width);
        float y = 64;
        String kicker = drawable(card.kicker().toUpperCase(locale), bold(26));
        float kickerBaseline = y + 26;
        float kickerEnd = 0;
        if (!kicker.isEmpty()) {
            Font kickerFont = bold(26).deriveFont(Map.of(TextAttribute.TRACKING, 0.08f));
            kicker = fitted(kicker, kickerFont, frc, width - 260);
            TextLayout layout = new TextLayout(kicker, kickerFont, frc);
            g.setColor(YELLOW);
            layout.draw(g, side.x(PAD, (float) layout.getAdvance()), kickerBaseline);
            kickerEnd = (float) layout.getAdvance() + 20;
        }
        String badge = card.badge() == null ? "" : drawable(card.badge(), bold(22));
        if (!badge.isEmpty()) {
            badge = fitted(badge, bold(22), frc, 240);
            TextLayout layout = new TextLayout(badge, bold(22), frc);
            float boxWidth = (float) layout.getAdvance() + 28;
            float boxX = side.x(PAD + kickerEnd, boxWidth);
            g.setColor(java.awt.Color.WHITE);
            g.fill(new RoundRectangle2D.Double(boxX, kickerBaseline - 28, boxWidth, 38, 10, 10));
            g.setColor(BLUE_DARK);
            layout.draw(g, boxX + 14, kickerBaseline - 1);
        }
        y = kickerBaseline + 30;

        // from the bottom of the blue field: the progress bar, the figure, the details
        float bottom = bandTop - 52;
        if (card.percent() != null) {
            float barHeight = 16;
            float barTop = bottom - barHeight;
            g.setColor(TRACK);
            g.fill(new RoundRectangle2D.Double(left, barTop, width, barHeight, barHeight, barHeight));
            float filled = card.percent() == 0 ? 0 : Math.max(barHeight, width * card.percent() / 100f);
            if (filled > 0) {
                g.setColor(YELLOW);
                g.fill(new RoundRectangle2D.Double(side.x(PAD, filled), barTop, filled, barHeight, barHeight, barHeight));
            }
            bottom = barTop - 22;
        }
        String figure = card.figure() == null ? "" : drawable(card.figure(), bold(72));
        String figureLabel = card.figureLabel() == null ? "" : drawable(card.figureLabel(), font(34));
        if (!figure.isEmpty() || !figureLabel.isEmpty()) {
            float x = 0;
            if (!figure.isEmpty()) {
                figure = fitted(figure, bold(72), frc, width / 2f);
                TextLayout layout = new TextLayout(figure, bold(72), frc);
                g.setColor(YELLOW);
                layout.draw(g, side.x(PAD, (float) layout.getAdvance()), bottom);
                x = (float) layout.getAdvance() + 18;
            }
            if (!figureLabel.isEmpty()) {
                figureLabel = fitted(figureLabel, font(34), frc, width - x);
                TextLayout layout = new TextLayout(figureLabel, font(34), frc);
                g.setColor(java.awt.Color.WHITE);
                layout.draw(g, side.x(PAD + x, (float) layout.getAdvance()), bottom);
            }
            bottom -= 72 + 26;
        } else if (card.percent() != null) {
            bottom -= 8;
        } else {
            bottom += 12;
        }
        // each line at 34 px, smaller (down to 26) before it is cut with an ellipsis: a date keeps its hours
        List<String> details = new ArrayList<>();
        List<Font> detailFonts = new ArrayList<>();
        for (String line : card.details()) {
            boolean first = details.isEmpty();
            String shown = drawable(line, first ? bold(34) : font(34));
            if (!shown.isEmpty()) {
                float size = 34;
                while (size > 26 && advance(shown, first ? bold(size) : font(size), frc) > width) {
                    size -= 2;
                }
                Font font = first ? bold(size) : font(size);
                details.add(fitted(shown, font, frc, width));
                detailFonts.add(font);
            }
        }
        float detailLine = 48;
        float detailsTop = bottom - detailLine * details.size();
        for (int i = 0; i < details.size(); i++) {
            g.setColor(i == 0 ? java.awt.Color.WHITE : SOFT_WHITE);
            paragraph(g, details.get(i), detailFonts.get(i), frc, left, width, detailsTop + detailLine * (i + 1) - 10);
        }

        // the title fills what is left between the kicker and the details
        String title = drawable(card.title(), bold(74));
        if (title.isEmpty()) {
            title = drawable(siteName, bold(74));
        }
        if (title.isEmpty()) {
            title = "Solidarity Hub";
        }
        float available = detailsTop - (details.isEmpty() ? 6 : 22) - y;
        Title fitted = fitTitle(title, frc, width, available, locale);
        g.setColor(java.awt.Color.WHITE);
        boolean rightToLeft = !new Bidi(title, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
        float baseline = y;
        for (String line : fitted.lines()) {
            baseline += fitted.lineHeight();
            paragraph(g, line, fitted.font(), frc, left, width, rightToLeft, baseline - fitted.lineHeight() * 0.22f);
        }
    }

    /** A line of a text in the direction of its first strong character (so aligned right when Hebrew, say). */
    private static void paragraph(Graphics2D g, String line, Font font, FontRenderContext frc, float left, float width,
                                  float baseline) {
        paragraph(g, line, font, frc, left, width, !new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight(),
                baseline);
    }

    /** A line of a paragraph written in that direction: its words ordered by it, aligned to its start. */
    private static void paragraph(Graphics2D g, String line, Font font, FontRenderContext frc, float left, float width,
                                  boolean rightToLeft, float baseline) {
        AttributedString text = new AttributedString(line);
        text.addAttribute(TextAttribute.FONT, font);
        text.addAttribute(TextAttribute.RUN_DIRECTION, rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        TextLayout layout = new TextLayout(text.getIterator(), frc);
        layout.draw(g, rightToLeft ? left + width - layout.getAdvance() : left, baseline);
    }

    /** The picture on the far side of the blue field, filling it from top to band (cropped to fit, centred). */
    private static void drawPicture(Graphics2D g, BufferedImage picture, Side side, int bandTop) {
        int x = (int) side.end(0, PICTURE_WIDTH);
        double scale = Math.max(PICTURE_WIDTH / (double) picture.getWidth(), bandTop / (double) picture.getHeight());
        int shownWidth = (int) Math.ceil(picture.getWidth() * scale);
        int shownHeight = (int) Math.ceil(picture.getHeight() * scale);
        java.awt.Shape clip = g.getClip();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.clipRect(x, 0, PICTURE_WIDTH, bandTop);
        g.drawImage(picture, x + (PICTURE_WIDTH - shownWidth) / 2, (bandTop - shownHeight) / 2, shownWidth, shownHeight, null);
        g.setClip(clip);
    }

    /** Left to right, or mirrored for a language written right to left. */
    private record Side(boolean rtl) {
        /** The x of something {@code width} wide that starts {@code inset} from the starting edge. */
        float x(float inset, float width) {
            return rtl ? WIDTH - inset - width : inset;
        }

        int x(int inset, int width) {
            return rtl ? WIDTH - inset - width : inset;
        }

        /** The x of something that ends {@code inset} from the far edge. */
        float end(float inset, float width) {
            return rtl ? inset : WIDTH - inset - width;
        }
    }

    private record Title(Font font, float lineHeight, List<String> lines) {
    }

    /** The largest size at which the title fits in its lines; at the smallest, the lines that fit with an ellipsis. */
    private Title fitTitle(String title, FontRenderContext frc, float width, float available, Locale locale) {
        for (float size : TITLE_SIZES) {
            float lineHeight = size * 1.14f;
            int maxLines = Math.max(1, Math.min(MAX_TITLE_LINES, (int) (available / lineHeight)));
            List<String> lines = wrap(title, bold(size), frc, width, locale, maxLines + 1);
            if (lines.size() <= maxLines) {
                return new Title(bold(size), lineHeight, lines);
            }
        }
        float size = TITLE_SIZES[TITLE_SIZES.length - 1];
        float lineHeight = size * 1.14f;
        int maxLines = Math.max(1, Math.min(MAX_TITLE_LINES, (int) (available / lineHeight)));
        List<String> lines = new ArrayList<>(wrap(title, bold(size), frc, width, locale, maxLines + 1).subList(0, maxLines));
        int last = lines.size() - 1;
        lines.set(last, withEllipsis(lines.get(last), bold(size), frc, width));
        return new Title(bold(size), lineHeight, lines);
    }

    /**
     * The text broken into lines of at most {@code width} at the places the language allows (between words), a word
     * longer than a line broken between its characters; stops after {@code limit} lines.
     */
    static List<String> wrap(String text, Font font, FontRenderContext frc, float width, Locale locale, int limit) {
        List<String> lines = new ArrayList<>();
        BreakIterator words = BreakIterator.getLineInstance(locale);
        words.setText(text);
        StringBuilder line = new StringBuilder();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE && lines.size() < limit; start = end, end = words.next()) {
            String word = text.substring(start, end);
            String candidate = line + word;
            if (advance(candidate.stripTrailing(), font, frc) <= width) {
                line.append(word);
                continue;
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            if (advance(word.stripTrailing(), font, frc) <= width) {
                line.append(word);
                continue;
            }
            // a word wider than the line: as many characters as fit on each line
            BreakIterator characters = BreakIterator.getCharacterInstance(locale);
            characters.setText(word);
            int from = characters.first();
            for (int to = characters.next(); to != BreakIterator.DONE; from = to, to = characters.next()) {
                String piece = word.substring(from, to);
                if (!line.isEmpty() && advance(line + piece, font, frc) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    if (lines.size() >= limit) {
                        break;
                    }
                }
                line.append(piece);
            }
        }
        if (!line.toString().isBlank() && lines.size() < limit) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** The line with "…" at its end, shortened until both fit. */
    private static String withEllipsis(String line, Font font, FontRenderContext frc, float width) {
        String text = line.strip();
        while (!text.isEmpty() && advance(text + ELLIPSIS, font, frc) > width) {
            text = text.substring(0, text.offsetByCodePoints(text.length(), -1)).stripTrailing();
        }
        return text + ELLIPSIS;
    }

    /** The text as it is if it fits on one line, else shortened with an ellipsis. */
    private static String fitted(String text, Font font, FontRenderContext frc, float width) {
        if (text.isEmpty() || advance(text, font, frc) <= width) {
            return text;
        }
        return withEllipsis(text, font, frc, width);
    }

    private static float advance(String text, Font font, FontRenderContext frc) {
        return text.isEmpty() ? 0 : (float) font.getStringBounds(text, frc).getWidth();
    }

    /**
     * What of a text the font can draw: characters it lacks (emoji, their joiners and variation selectors, scripts it
     * does not cover) left out, control characters and runs of spaces made one space, at most a few hundred
     * characters (a title is wrapped to a few lines anyway).
     */
    static String drawable(@Nullable String text, Font font) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_INPUT));
        boolean space = true;
        for (int i = 0; i < text.length() && shown.length() < MAX_INPUT; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.SPACE_SEPARATOR && !font.canDisplay(c);
            if (blank) {
                if (!space) {
                    shown.append(' ');
                    space = true;
                }
            } else if (font.canDisplay(c) && Character.getType(c) != Character.FORMAT && !Character.isSurrogate((char) c)) {
                shown.appendCodePoint(c);
                space = false;
            }
        }
        return shown.toString().strip();
    }

    /** The image as PNG, by the JDK's own writer at a middle compression level (cards are mostly flat colour). */
    static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.5f);
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }
}
