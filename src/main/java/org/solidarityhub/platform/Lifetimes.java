package org.solidarityhub.platform;

import java.time.Duration;

import org.springframework.stereotype.Component;

/** The Cache-Control of public pages, from {@code app.pages} (reasons in docs/caching.md). */
@Component
class Lifetimes {

    static final String NO_STORE = "private, no-store";
    static final String ERROR = "no-store";

    private final String live;
    private final String staticPages;
    private final String missing;

    Lifetimes(PlatformProperties properties) {
        PlatformProperties.Pages pages = properties.pages();
        this.live = lifetime(pages.liveMaxAge(), pages.liveStale(), pages.staleIfError());
        this.staticPages = lifetime(pages.staticMaxAge(), pages.staticStale(), pages.staleIfError());
        this.missing = "public, max-age=" + pages.missingMaxAge().toSeconds();
    }

    private static String lifetime(Duration maxAge, Duration stale, Duration staleIfError) {
        return "max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + stale.toSeconds()
                + ", stale-if-error=" + staleIfError.toSeconds();
    }

    /** For a page all readers may share, or ({@code personal}) only this reader's browser. */
    String of(PublicPage.Lifetime lifetime, boolean personal) {
        return switch (lifetime) {
            case PRIVATE -> NO_STORE;
            case LIVE -> (personal ? "private, " : "public, ") + live;
            case STATIC -> (personal ? "private, " : "public, ") + staticPages;
        };
    }

    /** For an error of a public page: a missing page briefly, nothing else (never a 5xx). */
    String ofError(int status) {
        return status == 404 || status == 410 ? missing : ERROR;
    }
}
