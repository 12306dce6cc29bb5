package org.solidarityhub.fundraising;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A purchase for a need: how many, the total in its currency and in the base currency (with the typed rate when
 * they differ), supplier and intermediary (organization records, either of which may be withheld for safety),
 * whether a second treasurer approved it, and how far it got.
 */
public record Purchase(long id, long fundraiserId, long needId, long quantity, Money total, Money base,
                       @Nullable ExchangeRate rate, String description, @Nullable Long supplierId,
                       boolean supplierWithheld, @Nullable Long intermediaryId, boolean intermediaryWithheld,
                       Approval approval, Status status, LocalDate orderedOn, @Nullable LocalDate paidOn,
                       @Nullable LocalDate shippedOn, @Nullable LocalDate deliveredOn, Instant recordedAt) {

    /** PENDING: waits for a second treasurer, not in the ledger; APPROVED: in the ledger; REJECTED: never was. */
    public enum Approval {
        PENDING, APPROVED, REJECTED
    }

    public enum Status {
        ORDERED, PAID, SHIPPED, DELIVERED;

        /** The status after this one, or null for the last. */
        public @Nullable Status next() {
            return this == DELIVERED ? null : values()[ordinal() + 1];
        }
    }

    /** The day it reached a status, or null when it did not (yet). */
    public @Nullable LocalDate on(Status reached) {
        return switch (reached) {
            case ORDERED -> orderedOn;
            case PAID -> paidOn;
            case SHIPPED -> shippedOn;
            case DELIVERED -> deliveredOn;
        };
    }
}
