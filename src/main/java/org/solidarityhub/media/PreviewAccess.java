package org.solidarityhub.media;

import org.springframework.security.core.Authentication;

/**
 * Extension point (optional Spring beans): a feature narrows who among signed-in staff sees its items' previews at
 * {@code /staff/media/{id}/...} (by default every staff member does). Fundraising lets only treasurers see the pages
 * of receipts before their black boxes. An item is previewed only when every such bean agrees.
 */
public interface PreviewAccess {

    /** Whether this signed-in staff member may see a preview of an item of this owner (true for other features' items). */
    boolean mayPreview(MediaOwner owner, Authentication who);
}
