package org.solidarityhub.organizations;

import java.time.Instant;

/** An organization as other features see it. {@code website} is null or an http(s) URL. */
public record Organization(long id, String name, String country, String website, boolean verified, Instant createdAt) {
}
