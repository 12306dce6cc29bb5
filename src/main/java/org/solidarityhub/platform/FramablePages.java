package org.solidarityhub.platform;

import java.util.List;
import java.util.Map;

/**
 * Public pages that any website may show in a frame: a feature's widgets for partner sites (the appeal's sign form;
 * the events' list and the fundraisers' progress under {@code /embed/}, which submit nothing).
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
 * @param forms whether the pages have forms; pages without any also say {@code form-action 'none'}
 */
public record FramablePages(List<String> paths, boolean forms) {

    /** The policy of framable pages: the site's, but any site may frame them. */
    public static final String POLICY = ContentSecurityPolicy.siteWith(Map.of("frame-ancestors", "*"));
    /** The policy of framable pages that submit nothing: nor may anything injected into them. */
    public static final String READ_ONLY_POLICY = ContentSecurityPolicy.siteWith(Map.of("frame-ancestors", "*", "form-action", "'none'"));

    /** Framable pages with forms. */
    public static FramablePages at(String... paths) {
        return new FramablePages(List.of(paths), true);
    }

    /** Framable pages without any form. */
    public static FramablePages readOnly(String... paths) {
        return new FramablePages(List.of(paths), false);
    }

    String policy() {
        return forms ? POLICY : READ_ONLY_POLICY;
    }
}
