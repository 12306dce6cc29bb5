package org.solidarityhub.fundraising;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A donation as received. Its money is in the ledger (the transaction that names it); this is the document.
 * {@code publicName} is how the donor chose to appear, shown only when {@code display} is not ANONYMOUS.
 */
public record Donation(long id, long fundraiserId, Money amount, LocalDate receivedOn, Channel channel,
                       @Nullable String inKindItem, Display display, @Nullable String publicName,
                       @Nullable Long needId, @Nullable String reference, @Nullable String bankTransactionId,
                       Instant recordedAt) {

    /** How it came; IN_KIND: goods, at the stated market value. */
    public enum Channel {
        BANK_TRANSFER, CARD, PAYPAL, CRYPTO, CASH, IN_KIND
    }

    /** How the donor appears in public: anonymous by default, or a name or an organization they chose. */
    public enum Display {
        ANONYMOUS, NAME, ORGANIZATION
    }

    /** The name to show in public, or null for "anonymous". */
    public @Nullable String shownName() {
        return display == Display.ANONYMOUS ? null : publicName;
    }
}
