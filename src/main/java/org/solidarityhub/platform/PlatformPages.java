package org.solidarityhub.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own public pages, declared to the page cache: the home page and the privacy statement show only
 * texts of the deployment. (When the home page shows counts, its version becomes the combination of theirs.)
 */
@Configuration(proxyBeanMethods = false)
class PlatformPages {

    @Bean
    PublicPage homeAndPrivacy() {
        return PublicPage.at("/", "/privacy").changingOnlyWithDeployment().kept().named("platform");
    }
}
