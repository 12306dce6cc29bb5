package org.solidarityhub.fundraising;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Four eyes: a purchase (PURCHASE) or a correction (REVERSAL of a ledger transaction) above the configured amount,
 * which waits until a second, different treasurer approves it. {@code amount} is in the base currency.
 */
public record Approval(long id, long fundraiserId, Kind kind, @Nullable Long purchaseId, @Nullable Long transactionId,
                       @Nullable String reason, Money amount, State state, long requestedBy, Instant requestedAt,
                       @Nullable Long decidedBy, @Nullable Instant decidedAt) {

    public enum Kind {
        PURCHASE, REVERSAL
    }

    public enum State {
        PENDING, APPROVED, REJECTED
    }
}
