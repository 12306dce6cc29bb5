package org.solidarityhub.staff;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** What other features may know of a staff member: the address of an active account (a test mail to oneself). */
@Component
public class StaffDirectory {

    private final StaffAccounts accounts;

    StaffDirectory(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** The address of an active staff account, if there is one with this id. */
    public Optional<String> email(long staffId) {
        return accounts.findById(staffId).filter(StaffAccount::active).map(StaffAccount::email);
    }
}
