package org.solidarityhub.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.solidarityhub.platform.ShareCardPictures;
import org.springframework.stereotype.Component;

/**
 * The pictures share cards draw (an event's poster on its card): the web-size variant of a published image, already
 * without metadata and at most web size. An item that is not public, not an image or gone gives nothing.
 */
@Component
class MediaShareCardPictures implements ShareCardPictures {

    private final Media media;

    MediaShareCardPictures(Media media) {
        this.media = media;
    }

    @Override
    public Optional<BufferedImage> picture(long id) {
        Optional<MediaItem> item = media.find(id).filter(i -> i.published() && i.kind() == MediaKind.IMAGE);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        return media.open(id, Variant.WEB).map(content -> {
            try (InputStream in = content.stream()) {
                return ImageIO.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("a picture for a share card could not be read", e);
            }
        });
    }
}
