package org.solidarityhub.platform;

/** A signed-in staff member as the audit log names them: the staff module's principal is one. */
public interface StaffActor {

    long id();

    String displayName();
}
