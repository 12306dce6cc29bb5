package org.solidarityhub.fundraising;

import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pledge pages in the page cache (docs/caching.md): the form shows the fundraiser's open needs, so it follows the
 * fundraiser's content version; the page after sending never changes but with a deployment; the pledger's own
 * page behind the emailed link is never stored.
 */
@Configuration(proxyBeanMethods = false)
class PledgePages {

    /** The content version of what a fundraiser's public pages show (raised by every change of it). */
    static String versionName(long fundraiserId) {
        return "fundraising:" + fundraiserId;
    }

    @Bean
    PublicPage pledgeForm(Fundraisers fundraisers, ContentVersions versions) {
        return PublicPage.at("/fundraisers/{slug}/pledge")
                .versionedBy(page -> page.variable("slug"), page -> fundraisers.bySlug(page.variable("slug"))
                        .filter(Fundraiser::isPublic).map(f -> versions.read(versionName(f.id()))))
                .kept().named("fundraising-pledge-form");
    }

    @Bean
    PublicPage pledgeSent() {
        return PublicPage.at("/fundraisers/pledges/sent").changingOnlyWithDeployment().named("fundraising-pledge-sent");
    }

    @Bean
    PublicPage pledgeLinks() {
        return PublicPage.tokenPages("fundraising-pledge-links", "/fundraisers/pledges/confirm/**");
    }
}
