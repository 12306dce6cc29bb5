package org.solidarityhub.events;

import org.solidarityhub.platform.FramablePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embeddable pages under /embed/ (the events' list, and the fundraisers' progress widget) may be framed by any
 * partner website: only there, frame-ancestors is open and X-Frame-Options is not sent. They are read-only (GET),
 * have no forms (form-action 'none'), and start no session, like every public page.
 */
@Configuration(proxyBeanMethods = false)
class EmbedSecurity {

    @Bean
    FramablePages embeddedLists() {
        return FramablePages.readOnly("/embed/**");
    }
}
