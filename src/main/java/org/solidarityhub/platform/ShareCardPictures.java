package org.solidarityhub.platform;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The pixels of a picture that a {@link ShareCard} names ({@link ShareCard#picture()}), given by the module that keeps
 * pictures (media). Only a picture the public may already see is given; anything else is empty and the card is drawn
 * without it.
 */
public interface ShareCardPictures {

    Optional<BufferedImage> picture(long id);
}
