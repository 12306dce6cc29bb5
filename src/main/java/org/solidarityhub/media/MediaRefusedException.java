package org.solidarityhub.media;

import org.solidarityhub.platform.BadInputException;

/**
 * An upload refused before anything of it was stored, answered with 400 and the localized message of
 * {@link #reasonKey()} (keys {@code media.refused.*} in messages.properties). Features that show a form catch it
 * and put the message next to the file field.
 */
public class MediaRefusedException extends BadInputException {

    public MediaRefusedException(String reasonKey) {
        super(reasonKey);
    }
}
