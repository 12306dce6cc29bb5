package org.solidarityhub.staff;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A staff member: an aggregate with its roles. The TOTP secret is null until the member enrolls. */
@Table("staff_account")
record StaffAccount(
        @Id Long id,
        String email,
        String emailNormalized,
        String displayName,
        String passwordHash,
        String totpSecret,
        Long totpLastStep,
        boolean active,
        Instant createdAt,
        @MappedCollection(idColumn = "staff_account") Set<RoleGrant> roles,
        @Version Integer version) {

    @Table("staff_account_role")
    record RoleGrant(StaffRole role) {
    }

    static StaffAccount create(String email, String displayName, String passwordHash, Set<StaffRole> roles, Instant now) {
        return new StaffAccount(null, email.strip(), normalize(email), displayName.strip(), passwordHash, null, null,
                true, now, grants(roles), null);
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static Set<RoleGrant> grants(Set<StaffRole> roles) {
        return roles.stream().map(RoleGrant::new).collect(Collectors.toUnmodifiableSet());
    }

    Set<StaffRole> roleSet() {
        return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class)
                : roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
    }

    public boolean enrolled() {
        return totpSecret != null;
    }

    public boolean has(StaffRole role) {
        return roleSet().contains(role);
    }

    StaffAccount withRoles(Set<StaffRole> newRoles) {
        return new StaffAccount(id, email, emailNormalized, displayName, passwordHash, totpSecret, totpLastStep, active,
                createdAt, grants(newRoles), version);
    }

    StaffAccount withActive(boolean newActive) {
        return new StaffAccount(id, email, emailNormalized, displayName, passwordHash, totpSecret, totpLastStep, newActive,
                createdAt, roles, version);
    }

    StaffAccount withTotp(String secret, long lastStep) {
        return new StaffAccount(id, email, emailNormalized, displayName, passwordHash, secret, lastStep, active,
                createdAt, roles, version);
    }
}
