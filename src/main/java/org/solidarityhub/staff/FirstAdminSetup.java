package org.solidarityhub.staff;

import org.solidarityhub.platform.AuditLog;
import java.util.EnumSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first admin: while no active admin exists, every start prints a one-time setup link on the console
 * (valid for {@code staff.setup-validity}, earlier links revoked). There is never a default password.
 */
@Component
class FirstAdminSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    private final StaffAccounts accounts;
    private final Invitations invitations;
    private final StaffProperties properties;
    private final PlatformProperties platform;
    private final AuditLog audit;

    FirstAdminSetup(StaffAccounts accounts, Invitations invitations, StaffProperties properties,
                    PlatformProperties platform, AuditLog audit) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.properties = properties;
        this.platform = platform;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        issueIfNoAdmin().ifPresent(link -> {
            String banner = "=".repeat(78);
            log.warn("\n{}\nNo admin account exists yet. Create the first one, within {} hours, at:\n\n    {}\n\n"
                            + "The link works once. Restart the app to get a new one.\n{}",
                    banner, properties.setupValidity().toHours(), link, banner);
        });
    }

    /** A new setup link when no active admin exists; earlier unused links stop working. */
    @Transactional
    Optional<String> issueIfNoAdmin() {
        if (accounts.countActiveAdmins() > 0) {
            return Optional.empty();
        }
        invitations.revokeSetupLinks();
        Invitations.Issued issued = invitations.issue(null, EnumSet.of(StaffRole.ADMIN), "en", null, properties.setupValidity());
        audit.record(null, "staff.setup-link-issued", "staff_invitation", issued.id(), null);
        return Optional.of(platform.link("/staff/setup/" + issued.token()));
    }
}
