package org.solidarityhub.staff;

import java.io.Serializable;

import org.solidarityhub.platform.StaffActor;

/** The signed-in staff member, as kept in the session and named in the audit log. */
public record StaffPrincipal(long id, String displayName) implements StaffActor, Serializable {

    @Override
    public String toString() {
        return displayName;
    }
}
