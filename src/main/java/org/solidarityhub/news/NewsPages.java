package org.solidarityhub.news;

import java.util.Optional;

import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public pages and feeds of news, declared to the platform's page cache (docs/caching.md). All of them show
 * published posts (and their approved comments) and are versioned by the one content version {@link NewsVersion}
 * raised by every change the public sees. The commenter's confirmation page behind its emailed link is never stored.
 */
@Configuration(proxyBeanMethods = false)
class NewsPages {

    @Bean
    PublicPage newsPublicPages(NewsVersion version) {
        return PublicPage.at(NewsPaths.LIST, "/news/{slug:[a-z0-9-]{1,80}}", NewsPaths.API, NewsPaths.API + "/{slug}",
                        NewsPaths.FEED)
                .versionedBy(page -> "", page -> Optional.of(version.read()))
                .kept().named("news");
    }

    @Bean
    PublicPage newsThanks() {
        return PublicPage.at("/news/comments/sent", "/news/comments/confirmed").changingOnlyWithDeployment()
                .named("news-thanks");
    }

    @Bean
    PublicPage newsTokenPages() {
        return PublicPage.tokenPages("news-links", "/news/comments/confirm/**");
    }
}
