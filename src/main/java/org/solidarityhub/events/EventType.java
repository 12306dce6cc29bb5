package org.solidarityhub.events;

import java.util.Optional;

/** The kinds of action the week of action calls for. */
enum EventType {
    DEMONSTRATION, RALLY_OR_VIGIL, FUNDRAISER, CONCERT, FILM_SCREENING, EXHIBITION, PANEL_OR_DISCUSSION,
    GRAFFITI_OR_STREET_ART, DIRECT_ACTION, ONLINE_EVENT, OTHER;

    static Optional<EventType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (EventType type : values()) {
            if (type.name().equals(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Actions whose organizers are safer when the address is not published. */
    public boolean defaultsToCityOnly() {
        return this == DIRECT_ACTION || this == GRAFFITI_OR_STREET_ART;
    }

    public String messageKey() {
        return "events.type." + name();
    }
}
