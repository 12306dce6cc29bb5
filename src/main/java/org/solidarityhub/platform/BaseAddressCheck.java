package org.solidarityhub.platform;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every emailed link, the setup link and the feeds start with {@code app.base-url}. Without it they point to
 * this machine (at the port the server listens on), which is right for a local run only: outside the default
 * profile the app says so at start-up.
 */
@Component
class BaseAddressCheck {

    private static final Logger log = LoggerFactory.getLogger(BaseAddressCheck.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0");

    private final PlatformProperties platform;
    private final Environment environment;

    BaseAddressCheck(PlatformProperties platform, Environment environment) {
        this.platform = platform;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutPublicAddress() {
        if (needsWarning()) {
            log.warn("No public address is configured: emailed links, the setup link and the feeds point to {}, this "
                    + "machine. Set APP_BASE_URL (app.base-url) to the site's public address, e.g. https://solidarity.example.org",
                    platform.baseUrl());
        }
    }

    /** Outside the default profile, a base address on this machine is a forgotten APP_BASE_URL. */
    boolean needsWarning() {
        String host = platform.baseUrl().getHost();
        return environment.getActiveProfiles().length > 0 && (host == null || LOCAL_HOSTS.contains(host.toLowerCase()));
    }
}
