package org.solidarityhub.events;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/**
 * "I'm going" under an event whose organizers enabled it: the count, and the button while the event is open.
 * Its changes are in the campaign's version ({@link CampaignVersions}), which versions the event's page already.
 */
@Component
class GoingOnEventPage implements EventPageSection {

    private static final PageVersion UNCHANGING = PageVersion.of(null, "going");

    private final Going going;

    GoingOnEventPage(Going going) {
        this.going = going;
    }

    @Override
    public String template() {
        return "events/going";
    }

    @Override
    public @Nullable Object data(long eventId, Locale locale) {
        return going.shown(eventId).orElse(null);
    }

    @Override
    public PageVersion version(long campaignId) {
        return UNCHANGING;
    }
}
