package org.solidarityhub.fundraising;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A pledge from the public: an amount someone said they will give, how they want to appear, an optional earmark,
 * and the reference they write on their transfer. {@code email} is null once erased (matched, cancelled, or kept
 * past its retention). Never public as such: the fundraiser page shows only sums of confirmed pledges.
 */
record Pledge(long id, long fundraiserId, Money amount, @Nullable Long needId, Donation.Display display,
              @Nullable String publicName, @Nullable String email, String language, String reference, State state,
              Instant createdAt, @Nullable Instant confirmedAt, @Nullable Long donationId) {

    enum State {
        UNCONFIRMED, CONFIRMED, MATCHED, CANCELLED
    }

    public @Nullable String shownName() {
        return display == Donation.Display.ANONYMOUS ? null : publicName;
    }
}
