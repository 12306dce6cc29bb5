package org.solidarityhub.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own public pages, declared to the page cache: the privacy statement shows only texts of the
 * deployment. (The front page is the home module's, versioned by what it shows.)
 */
@Configuration(proxyBeanMethods = false)
class PlatformPages {

    @Bean
    PublicPage privacyPage() {
        return PublicPage.at("/privacy").changingOnlyWithDeployment().kept().named("platform");
    }
}
