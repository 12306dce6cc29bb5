package org.solidarityhub.fundraising;

import org.solidarityhub.media.MediaOwner;
import org.solidarityhub.media.PreviewAccess;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Fundraising's media (receipts' pages before their black boxes, delivery photos before blurring) are previewed at
 * {@code /staff/media} by treasurers (and admins) only, like the originals: a moderator gets 404.
 */
@Component
class TreasurersOnlyPreviews implements PreviewAccess {

    static final String FEATURE = "fundraising";

    private final RoleHierarchy roles;

    TreasurersOnlyPreviews(RoleHierarchy roles) {
        this.roles = roles;
    }

    @Override
    public boolean mayPreview(MediaOwner owner, Authentication who) {
        return !FEATURE.equals(owner.feature()) || roles.getReachableGrantedAuthorities(who.getAuthorities()).stream()
                .anyMatch(authority -> "ROLE_TREASURER".equals(authority.getAuthority()));
    }
}
