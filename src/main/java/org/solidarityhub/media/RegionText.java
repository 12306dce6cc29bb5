package org.solidarityhub.media;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.BadInputException;

/**
 * Regions as staff type them in a plain form (no JavaScript): one per line, {@code x,y,width,height} in the image's
 * pixels (as the preview shows them), or all four in percent of the image's width and height
 * ({@code 10%,62.5%,40%,8%}). The one parser for every feature's region fields (reports' blurring, receipts' black
 * boxes, delivery photos).
 */
public final class RegionText {

    /** Most regions one form may give (below what media keeps, {@link Regions#MAX}). */
    public static final int MAX = 100;

    private static final Pattern PIXELS = Pattern.compile("(\\d{1,6})\\s*,\\s*(\\d{1,6})\\s*,\\s*(\\d{1,6})\\s*,\\s*(\\d{1,6})");
    private static final String PERCENT_PART = "(\\d{1,3}(?:[.,]\\d{1,3})?)\\s*%";
    private static final Pattern PERCENT = Pattern.compile(String.join("\\s*[,;]\\s*",
            PERCENT_PART, PERCENT_PART, PERCENT_PART, PERCENT_PART));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RegionText() {
    }

    /**
     * The regions typed, in the pixels of an image of this size. Refused with {@link BadInputException}:
     * {@code media.regions.format} (a line that is not four numbers, a width or height of zero),
     * {@code media.regions.outside} (a region reaching past the image), {@code media.regions.tooMany}.
     */
    public static List<Region> parse(@Nullable String text, int width, int height) {
        List<Region> regions = new ArrayList<>();
        if (text == null) {
            return regions;
        }
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (regions.size() >= MAX) {
                throw new BadInputException("media.regions.tooMany");
            }
            long[] box = box(line, width, height);
            if (box[2] <= 0 || box[3] <= 0) {
                throw new BadInputException("media.regions.format");
            }
            if (box[0] + box[2] > width || box[1] + box[3] > height) {
                throw new BadInputException("media.regions.outside");
            }
            regions.add(new Region((int) box[0], (int) box[1], (int) box[2], (int) box[3]));
        }
        return regions;
    }

    /** Regions as the form shows them again: one {@code x,y,width,height} per line, in pixels. */
    public static String format(List<Region> regions) {
        return regions.stream().map(r -> r.x() + "," + r.y() + "," + r.width() + "," + r.height())
                .collect(Collectors.joining("\n"));
    }

    private static long[] box(String line, int width, int height) {
        Matcher pixels = PIXELS.matcher(line);
        if (pixels.matches()) {
            return new long[] {Long.parseLong(pixels.group(1)), Long.parseLong(pixels.group(2)),
                    Long.parseLong(pixels.group(3)), Long.parseLong(pixels.group(4))};
        }
        Matcher percent = PERCENT.matcher(line);
        if (!percent.matches()) {
            throw new BadInputException("media.regions.format");
        }
        BigDecimal[] p = new BigDecimal[4];
        for (int i = 0; i < 4; i++) {
            p[i] = new BigDecimal(percent.group(i + 1).replace(',', '.'));
            if (p[i].compareTo(HUNDRED) > 0) {
                throw new BadInputException("media.regions.outside");
            }
        }
        // the box covers every pixel the percentages touch: left and top rounded down, right and bottom up
        long left = of(p[0], width, RoundingMode.FLOOR);
        long top = of(p[1], height, RoundingMode.FLOOR);
        long right = of(p[0].add(p[2]), width, RoundingMode.CEILING);
        long bottom = of(p[1].add(p[3]), height, RoundingMode.CEILING);
        return new long[] {left, top, right - left, bottom - top};
    }

    private static long of(BigDecimal percent, int size, RoundingMode rounding) {
        return percent.multiply(BigDecimal.valueOf(size)).divide(HUNDRED, 0, rounding).longValueExact();
    }
}
