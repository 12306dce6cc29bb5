package org.solidarityhub.appeal;

import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An appeal's poster (page and PDF) in the page cache (docs/caching.md): versioned by the appeal's content version
 * like its page (a new revision, a change of state); the paper and the language are in the URL, so each has its own
 * ETag and kept bytes.
 */
@Configuration(proxyBeanMethods = false)
class AppealPosterPages {

    @Bean
    PublicPage appealPosters(Appeals appeals, ContentVersions versions) {
        return PublicPage.at("/appeals/{slug}/poster", "/appeals/{slug}/poster.pdf")
                .versionedBy(page -> page.variable("slug"),
                        page -> appeals.bySlug(page.variable("slug")).map(a -> versions.read(AppealPages.version(a.id()))))
                .kept().named("appeal-poster");
    }
}
