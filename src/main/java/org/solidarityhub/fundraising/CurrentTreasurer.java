package org.solidarityhub.fundraising;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.StaffActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member signed in for this request, as the ledger and the four-eyes rule name them. */
final class CurrentTreasurer {

    private CurrentTreasurer() {
    }

    /** The signed-in member, or null for the system (an import job, a test, the demo content). */
    static @Nullable StaffActor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffActor actor ? actor : null;
    }

    static @Nullable Long id() {
        StaffActor actor = actor();
        return actor == null ? null : actor.id();
    }
}
