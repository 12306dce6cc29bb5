package org.solidarityhub.fundraising;

import java.time.Instant;

/** What a fundraiser collects for: an item, how many, an estimated unit cost in the base currency. */
public record Need(long id, long fundraiserId, String item, String description, long quantity, Money unitCost,
                   Priority priority, State state, Instant createdAt) {

    public enum Priority {
        HIGH, NORMAL, LOW
    }

    public enum State {
        OPEN, MET
    }

    /** The estimated cost of the whole need: quantity times the unit cost (saturating, never overflowing). */
    public Money estimate() {
        long total;
        try {
            total = Math.multiplyExact(quantity, unitCost.minor());
        } catch (ArithmeticException e) {
            total = Money.MAX_MINOR;
        }
        return new Money(Math.min(total, Money.MAX_MINOR), unitCost.currency());
    }
}
