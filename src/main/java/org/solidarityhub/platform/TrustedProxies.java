package org.solidarityhub.platform;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed: only a reverse proxy at an address in
 * {@code app.trusted-proxies} (CIDR ranges, by default this host: 127.0.0.1/8 and ::1). A request from anywhere
 * else is its own client, whatever headers it carries, so nobody on a shared network walks past the per-address
 * limits. Spring Boot's Tomcat valve ({@code server.forward-headers-strategy=native}) reads the headers; this
 * gives it the configured ranges instead of its default of every private network.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String ranges;

    TrustedProxies(PlatformProperties properties) {
        this.ranges = normalized(properties.trustedProxies());
    }

    /** The ranges as Tomcat reads them: comma-separated, each with its prefix length; refuses what is not one. */
    static String normalized(List<String> entries) {
        List<String> ranges = new ArrayList<>();
        for (String entry : entries) {
            String range = entry.strip();
            if (range.isEmpty()) {
                continue;
            }
            if (range.indexOf('/') < 0) {
                range += range.indexOf(':') >= 0 ? "/128" : "/32";
            }
            try {
                new NetMask(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("app.trusted-proxies: '" + entry + "' is not an IP address or CIDR range", e);
            }
            ranges.add(range);
        }
        return String.join(",", ranges);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve forwarded) {
                forwarded.setInternalProxies(ranges); // "" trusts nobody
                forwarded.setTrustedProxies(null);
            }
        }
    }

    /** After Spring Boot's own customizer has added the valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
