package org.solidarityhub.platform;

import java.util.List;

/**
 * Public pages that any website may show in a frame: a feature's widget for partner sites (the appeal's sign form).
 * Every other page says it may be framed by none ({@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY}).
 * A feature declares its framable pages as a bean; they keep everything else of the public pages: no session, no
 * cookie, no token, and posts from pages of other sites refused ({@link CrossSiteRequests}). A form inside such a
 * frame is a page of this site posting to this site, so browsers call its post same-origin and it passes:
 * <pre>{@code
 * @Bean
 * FramablePages widget() {
 *     return FramablePages.at("/appeal/embed", "/appeal/embed/**");
 * }
 * }</pre>
 *
 * @param paths Spring path patterns, after the language prefix ("/appeal/embed")
 */
public record FramablePages(List<String> paths) {

    /** The policy of framable pages: the site's, but any site may frame them. */
    public static final String POLICY = ContentSecurityPolicy.siteWith(java.util.Map.of("frame-ancestors", "*"));

    public static FramablePages at(String... paths) {
        return new FramablePages(List.of(paths));
    }
}
