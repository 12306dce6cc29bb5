package org.solidarityhub.staff;

import java.io.Serializable;

/** The signed-in staff member, as kept in the session and named in the audit log. */
public record StaffPrincipal(long id, String displayName) implements Serializable {

    @Override
    public String toString() {
        return displayName;
    }
}
