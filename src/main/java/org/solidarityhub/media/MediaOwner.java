package org.solidarityhub.media;

import java.util.Objects;

/**
 * Which feature an upload belongs to and, within it, to what (for example {@code reports} and a report's id or a
 * draft's random token). Media never interprets either; features find their items again by it.
 *
 * @param feature   the owning feature's name, lower case ({@code reports}, {@code fundraising}, {@code news})
 * @param reference the feature's own reference, at most 100 characters
 */
public record MediaOwner(String feature, String reference) {

    public MediaOwner {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(reference, "reference");
        if (!feature.matches("[a-z][a-z0-9-]{0,39}") || reference.isEmpty() || reference.length() > 100) {
            throw new IllegalArgumentException("media owner: feature must be a lower-case name, reference 1-100 characters");
        }
    }
}
