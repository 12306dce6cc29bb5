package org.solidarityhub.fundraising;

import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/**
 * The content version of what a fundraiser's public pages show ({@code fundraising:{id}}, docs/caching.md): raised
 * in the transaction of every ledger posting, every change of the fundraiser's texts, needs and purchase statuses,
 * and every published report. Raising it also takes the row lock of that version until the transaction ends, which
 * is what keeps a report's snapshot and a posting from crossing (see {@link NumberedReports#publish}).
 */
@Component
public class FundraisingVersions {

    private final ContentVersions versions;

    FundraisingVersions(ContentVersions versions) {
        this.versions = versions;
    }

    static String name(long fundraiserId) {
        return "fundraising:" + fundraiserId;
    }

    /** Raises the version; call it in the transaction of the change, before the change's own rows are written. */
    public void changed(long fundraiserId) {
        versions.changed(name(fundraiserId));
    }

    public PageVersion read(long fundraiserId) {
        return versions.read(name(fundraiserId));
    }
}
