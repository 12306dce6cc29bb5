package org.solidarityhub.home;

import java.util.Optional;

import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The front page, declared to the platform's page cache (docs/caching.md): kept, and versioned by what it shows (the
 * appeal's, the current campaign's events and reports', the shown fundraisers' and the news' versions, and a step of
 * ten minutes so that events that ended leave the list).
 */
@Configuration(proxyBeanMethods = false)
class HomePages {

    @Bean
    PublicPage homePage(FrontPage front) {
        return PublicPage.at("/").versionedBy(page -> "", page -> Optional.of(front.version())).kept().named("home");
    }
}
