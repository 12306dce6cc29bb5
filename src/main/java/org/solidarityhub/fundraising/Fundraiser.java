package org.solidarityhub.fundraising;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A fundraiser: standalone or in a campaign, with a base currency (every public figure is in it) and an optional
 * goal. {@code howToGive} is written by staff (bank details, crypto addresses), plain text.
 */
public record Fundraiser(long id, String slug, String title, String summary, String baseCurrency,
                         @Nullable Long goalMinor, @Nullable Long campaignId, String howToGive, State state,
                         Instant createdAt) {

    /** DRAFT: staff only; OPEN: public, takes donations; CLOSED: public, takes none. */
    public enum State {
        DRAFT, OPEN, CLOSED
    }

    public @Nullable Money goal() {
        return goalMinor == null ? null : new Money(goalMinor, baseCurrency);
    }

    public boolean isPublic() {
        return state != State.DRAFT;
    }
}
