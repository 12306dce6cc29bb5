package org.solidarityhub.events;

import java.util.Optional;

/** How precisely the place of an event is published. */
enum Visibility {
    /** Venue, address and exact pin. */
    PUBLIC,
    /** Only the city, pinned at its centre. */
    CITY,
    /** Only the city; the organizers give the address to people who ask them. */
    ON_REQUEST;

    static Optional<Visibility> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Visibility v : values()) {
            if (v.name().equals(value.strip())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
