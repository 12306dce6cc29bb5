package org.solidarityhub.media;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The worker pool's queue is full: the upload is refused with 503 and {@code media.refused.busy} ("busy, try again
 * in a minute"); nothing of it is kept.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class MediaBusyException extends MediaRefusedException {

    public static final String KEY = "media.refused.busy";

    public MediaBusyException() {
        super(KEY);
    }
}
