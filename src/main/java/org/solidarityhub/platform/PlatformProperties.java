package org.solidarityhub.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web platform, under {@code app.*}.
 *
 * @param baseUrl public address of the site, used in every emailed link (env APP_BASE_URL)
 * @param dataDir where the embedded database and uploads live (env APP_DATA_DIR)
 * @param demo    whether features load the demo content taken from the seed texts (env APP_DEMO)
 * @param mail    the email outbox
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For/-Proto are believed
 *                (env APP_TRUSTED_PROXIES); every other peer is the client itself
 */
@ConfigurationProperties("app")
public record PlatformProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("./data") Path dataDir,
        boolean demo,
        @DefaultValue Mail mail,
        @DefaultValue({"127.0.0.1/8", "::1/128"}) List<String> trustedProxies) {

    /**
     * @param from         sender address of every mail
     * @param pollInterval how often the sender looks for due mail
     * @param batchSize    how many mails one poll sends at most
     * @param maxAttempts  after this many failed attempts a mail is given up
     * @param keepSent     how long sent mail stays in the outbox before it is erased
     */
    public record Mail(
            @DefaultValue("Solidarity Hub <noreply@localhost>") String from,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("12") int maxAttempts,
            @DefaultValue("30d") Duration keepSent) {
    }

    /** An absolute link to a path of this site, for emails. */
    public String link(String path) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
