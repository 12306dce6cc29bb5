package org.solidarityhub.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
 * @param pages   the page cache: validators, lifetimes and kept bytes of public pages (docs/caching.md)
 * @param limits  where per-address limits and sign-in throttles are counted ({@link RateLimits})
 * @param shutdownDelay how long a node that is stopped says it is not ready while still serving, before its web
 *                server stops (env APP_SHUTDOWN_DELAY; {@link ShutdownDelay}): 0 for one node, more than the load
 *                balancer takes to see readiness go down for several
 */
@ConfigurationProperties("app")
public record PlatformProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("./data") Path dataDir,
        boolean demo,
        @DefaultValue Mail mail,
        @DefaultValue({"127.0.0.1/8", "::1/128"}) List<String> trustedProxies,
        @DefaultValue Pages pages,
        @DefaultValue Limits limits,
        @DefaultValue("0s") Duration shutdownDelay) {

    /**
     * @param store {@code memory}: each node counts on its own (one node); {@code database}: every node counts in the
     *              one database, so a limit is the same whichever node a request reaches (several nodes)
     */
    public record Limits(@DefaultValue("memory") Store store) {

        /** Where {@link RateLimits} keeps its counts. */
        public enum Store { MEMORY, DATABASE }
    }

    /**
     * @param cacheSize          how many bytes of rendered pages (plain and gzip) each instance keeps in memory
     * @param versionMemo        how long a page's version is believed before it is read again (several instances
     *                           agree within this time)
     * @param liveMaxAge         max-age of pages whose content changes at any moment
     * @param liveStale          their stale-while-revalidate: liveMaxAge + liveStale + versionMemo is the longest a
     *                           reader waits to see a change (30 s by default)
     * @param staticMaxAge       max-age of pages that change only with a deployment
     * @param staticStale        their stale-while-revalidate
     * @param staleIfError       how long a front cache may keep serving a page while the app fails
     * @param missingMaxAge      max-age of a 404 of a public page (absorbs a flood of requests for a missing page)
     */
    public record Pages(
            @DefaultValue("64MB") org.springframework.util.unit.DataSize cacheSize,
            @DefaultValue("1s") Duration versionMemo,
            @DefaultValue("10s") Duration liveMaxAge,
            @DefaultValue("19s") Duration liveStale,
            @DefaultValue("5m") Duration staticMaxAge,
            @DefaultValue("10m") Duration staticStale,
            @DefaultValue("1d") Duration staleIfError,
            @DefaultValue("10s") Duration missingMaxAge) {
    }

    /**
     * @param from         sender address of every mail
     * @param pollInterval how often the sender looks for due mail when nothing woke it (a commit that queued
     *                     mail wakes it at once, see docs/mail.md)
     * @param batchSize    how many mails one connection claims and sends at a time
     * @param maxAttempts  after this many failed attempts a mail is given up
     * @param keepSent     how long sent mail stays in the outbox before it is erased
     * @param connections  how many SMTP connections send in parallel (each claims its own batches)
     * @param stuckAfter   the health contributor turns DOWN when mail waits longer than this for delivery
     * @param domains      limits per recipient domain, e.g. {@code app.mail.domains[gmail.com].per-minute=600}
     */
    public record Mail(
            @DefaultValue("Solidarity Hub <noreply@localhost>") String from,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("12") int maxAttempts,
            @DefaultValue("30d") Duration keepSent,
            @DefaultValue("4") int connections,
            @DefaultValue("15m") Duration stuckAfter,
            Map<String, DomainLimit> domains) {

        public Mail {
            if (batchSize < 1 || connections < 1 || connections > 64) {
                throw new IllegalArgumentException("app.mail.batch-size must be at least 1 and app.mail.connections 1 to 64");
            }
            Map<String, DomainLimit> lowerCase = new TreeMap<>();
            if (domains != null) {
                domains.forEach((domain, limit) -> lowerCase.put(domain.strip().toLowerCase(Locale.ROOT), limit));
            }
            domains = Collections.unmodifiableMap(lowerCase);
        }

        /**
         * What one recipient domain accepts from this instance.
         *
         * @param connections how many connections may carry its mail at once
         * @param perMinute   how many of its mails may leave a minute
         */
        public record DomainLimit(@DefaultValue("1") int connections, @DefaultValue("600") int perMinute) {

            public DomainLimit {
                if (connections < 1 || perMinute < 1) {
                    throw new IllegalArgumentException("a domain's connections and per-minute must be at least 1");
                }
            }
        }
    }

    /**
     * An absolute link to a page of this site in a language, under that language's prefix (see
     * {@link LanguageUrls}): for emails (in the recipient's language), feeds and the API.
     */
    public String link(Locale language, String path) {
        return link(LanguageUrls.prefixed(language, path));
    }

    /** An absolute link to a feed or API path that answers in this language: {@code ?lang=} unless it is the base one. */
    public String apiLink(Locale language, String path) {
        if (language.getLanguage().equals(SupportedLanguages.BASE.getLanguage())) {
            return link(path);
        }
        return link(path + (path.contains("?") ? "&" : "?") + LocaleConfiguration.PARAMETER + "=" + language.getLanguage());
    }

    /** An absolute link to a path of this site that has no language prefix (staff, API, assets). */
    public String link(String path) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
