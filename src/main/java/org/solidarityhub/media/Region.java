package org.solidarityhub.media;

/**
 * A rectangle to blur, in pixels of the upright master image (or of the video frame), origin at the top left.
 * Found by a {@link FaceDetector} or drawn by a moderator.
 */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a region needs x, y >= 0 and a positive width and height");
        }
    }

    /** This region cut to an image of the given size; empty when it lies wholly outside. */
    public java.util.Optional<Region> clippedTo(int imageWidth, int imageHeight) {
        int right = Math.min(imageWidth, x + width);
        int bottom = Math.min(imageHeight, y + height);
        if (x >= right || y >= bottom) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Region(x, y, right - x, bottom - y));
    }

    /** The region scaled by a factor (for the web size and the thumbnail of a master), at least one pixel. */
    public Region scaled(double factor) {
        int sx = (int) Math.floor(x * factor);
        int sy = (int) Math.floor(y * factor);
        int sw = Math.max(1, (int) Math.ceil((x + width) * factor) - sx);
        int sh = Math.max(1, (int) Math.ceil((y + height) * factor) - sy);
        return new Region(sx, sy, sw, sh);
    }
}
