package org.solidarityhub.fundraising;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What arrived from a purchase: how many, to whom (an organization record or a unit named in text), when, with an
 * optional photo (a media item). {@code recipientHidden}: shown in public as withheld for safety.
 */
public record Delivery(long id, long purchaseId, long quantity, @Nullable Long recipientId,
                       @Nullable String recipientText, boolean recipientHidden, LocalDate deliveredOn,
                       @Nullable Long mediaId, @Nullable String note, Instant recordedAt) {
}
