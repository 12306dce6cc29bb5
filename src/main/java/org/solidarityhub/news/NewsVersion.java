package org.solidarityhub.news;

import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/**
 * The content version of every public news page, feed and API answer ({@code news}, platform.ContentVersions):
 * raised in the transaction of whatever changes what they show (a post published, scheduled one published by the
 * job, a published post's text, settings or images changed, a comment approved or hidden).
 */
@Component
class NewsVersion {

    static final String NAME = "news";

    private final ContentVersions versions;

    NewsVersion(ContentVersions versions) {
        this.versions = versions;
    }

    void changed() {
        versions.changed(NAME);
    }

    PageVersion read() {
        return versions.read(NAME);
    }
}
