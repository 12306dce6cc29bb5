package org.solidarityhub.media;

import java.io.InputStream;

/** An open processed file: the caller closes the stream. */
public record MediaContent(InputStream stream, long length, String contentType, String name) {
}
