package org.solidarityhub.staff;

/** What a staff member may do. ADMIN implies the other three (see StaffConfiguration). */
public enum StaffRole {
    ADMIN, MODERATOR, TREASURER, EDITOR;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
