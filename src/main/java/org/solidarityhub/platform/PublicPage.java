package org.solidarityhub.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A group of public GET pages (or feeds) that the page cache ({@link PageCacheFilter}) answers with validators
 * and a lifetime, 304 while unchanged, and, when {@code kept}, from rendered bytes kept in memory. A feature
 * declares its pages as beans of this type (see docs/caching.md):
 * <pre>{@code
 * @Bean
 * PublicPage reportPages(ReportStore store) {
 *     return PublicPage.at("/reports/{id:\\d+}")
 *             .versionedBy(page -> page.variable("id"), page -> store.version(Long.parseLong(page.variable("id"))))
 *             .kept().named("report");
 * }
 * }</pre>
 * The version must change whenever the page would show something else, and be cheap: it is read at most once
 * per {@code app.pages.version-memo} per version key and instance. An empty version leaves the request to the
 * controller untouched (a page that does not exist answers its 404 itself).
 *
 * @param name       a name for logs and memo keys
 * @param paths      Spring path patterns ("/events/{id:\\d{1,18}}")
 * @param lifetime   how long readers and front caches may keep it
 * @param kept       whether its rendered bytes are kept in memory (hot pages and feeds)
 * @param versionKey what its version depends on ("" when only the deployment)
 * @param version    the version for a request with that key
 */
public record PublicPage(String name, List<String> paths, Lifetime lifetime, boolean kept,
                         Function<PageRequest, String> versionKey, Function<PageRequest, Optional<PageVersion>> version) {

    /** How long a page may be kept by browsers and front caches (durations under {@code app.pages}). */
    public enum Lifetime {
        /** Content that changes at any moment (lists, counts, feeds): a change is seen within {@code app.pages.live}. */
        LIVE,
        /** Content that changes only with a deployment (the privacy statement). */
        STATIC,
        /** Pages behind emailed tokens: {@code private, no-store}, never a validator or a kept byte. */
        PRIVATE
    }

    /** Starts a declaration of the pages at these path patterns. */
    public static Builder at(String... paths) {
        return new Builder(List.of(paths));
    }

    /** Pages behind emailed tokens, never stored anywhere. */
    public static PublicPage tokenPages(String name, String... paths) {
        return new PublicPage(name, List.of(paths), Lifetime.PRIVATE, false, page -> "", page -> Optional.empty());
    }

    public static final class Builder {

        private final List<String> paths;
        private Lifetime lifetime = Lifetime.LIVE;
        private boolean kept;
        private Function<PageRequest, String> key = page -> "";
        private Function<PageRequest, Optional<PageVersion>> version = page -> Optional.of(new PageVersion("", null));

        private Builder(List<String> paths) {
            this.paths = paths;
        }

        /** The version depends on {@code key} of the request and is read by {@code version}. */
        public Builder versionedBy(Function<PageRequest, String> key, Function<PageRequest, Optional<PageVersion>> version) {
            this.key = key;
            this.version = version;
            return this;
        }

        /** Only a deployment changes what these pages show. */
        public Builder changingOnlyWithDeployment() {
            this.lifetime = Lifetime.STATIC;
            return this;
        }

        /** Keeps the rendered bytes in memory. */
        public Builder kept() {
            this.kept = true;
            return this;
        }

        public PublicPage named(String name) {
            return new PublicPage(name, paths, lifetime, kept, key, version);
        }
    }
}
