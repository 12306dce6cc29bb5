package org.solidarityhub.organizations;

import java.util.Objects;

import org.solidarityhub.platform.PageVersion;
import org.solidarityhub.platform.PublicPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public page of an organization, declared to the platform's page cache: its version is what the page shows of
 * it (one read by primary key, at most once a second).
 */
@Configuration(proxyBeanMethods = false)
class OrganizationPages {

    @Bean
    PublicPage organizationPage(Organizations organizations) {
        return PublicPage.at("/organizations/{id:\\d{1,18}}")
                .versionedBy(page -> page.variable("id"), page -> organizations.find(Long.parseLong(page.variable("id")))
                        .filter(Organization::verified)
                        .map(o -> PageVersion.of(null, Integer.toHexString(Objects.hash(o.name(), o.country(), o.website())))))
                .named("organization");
    }
}
