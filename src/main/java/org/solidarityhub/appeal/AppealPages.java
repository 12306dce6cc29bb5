package org.solidarityhub.appeal;

import java.util.Optional;

import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.FramablePages;
import org.solidarityhub.platform.PageVersion;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The appeal's public pages and API, declared to the platform's page cache (docs/caching.md). Their version is the
 * appeal's content version, raised by every change they show: a new revision, the state or goal, a count batch
 * that moved its counts (and so its public signatories), an approved comment. Pages behind a signature's emailed
 * links are never stored.
 */
@Configuration(proxyBeanMethods = false)
class AppealPages {

    /** The name of an appeal's content version. */
    static String version(long appealId) {
        return "appeal:" + appealId;
    }

    @Bean
    PublicPage appealPublicPages(Appeals appeals, ContentVersions versions) {
        return PublicPage.at("/appeals/{slug}", "/appeals/{slug}/signatories", "/appeals/{slug}/countries",
                        "/appeals/{slug}/revisions", "/appeals/{slug}/revisions/{id}", "/appeals/{slug}/signed",
                        "/api/v1/appeals/{slug}", "/api/v1/appeals/{slug}/signatories")
                .versionedBy(page -> page.variable("slug"),
                        page -> appeals.bySlug(page.variable("slug")).map(a -> versions.read(version(a.id()))))
                .kept().named("appeal");
    }

    /** The open appeals with their counts. */
    @Bean
    PublicPage appealList(Appeals appeals, ContentVersions versions) {
        return PublicPage.at("/api/v1/appeals")
                .versionedBy(page -> "", page -> Optional.of(appeals.open().stream()
                        .map(a -> PageVersion.of(null, a.id()).and(versions.read(version(a.id()))))
                        .reduce(PageVersion.of(null, "open"), PageVersion::and)))
                .kept().named("appeal-list");
    }

    /**
     * The widget for partner websites ({@link AppealEmbedController}): one version for all its addresses, that of every
     * appeal (a partner's change raises them all, {@link Partners}).
     */
    @Bean
    PublicPage appealEmbedPages(Appeals appeals, ContentVersions versions) {
        return PublicPage.at("/appeal/embed", "/appeal/embed/signed")
                .versionedBy(page -> "", page -> Optional.of(appeals.all().stream()
                        .map(a -> PageVersion.of(null, a.id()).and(versions.read(version(a.id()))))
                        .reduce(PageVersion.of(null, "all"), PageVersion::and)))
                .kept().named("appeal-embed");
    }

    /** Any website may show the widget in a frame; its form posts to this site from a page of this site. */
    @Bean
    FramablePages appealEmbedFraming() {
        return FramablePages.at("/appeal/embed", "/appeal/embed/**");
    }

    @Bean
    PublicPage signatureTokenPages() {
        return PublicPage.tokenPages("appeal-links", "/appeal/confirm/**", "/appeal/withdraw/**");
    }
}
