package org.solidarityhub.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The site's Content-Security-Policy: {@code 'self'} for everything, no plugins, no base URL, no framing. A
 * feature may change single directives for its own pages (a map's tile host in img-src, an embeddable page's
 * frame-ancestors); everything else stays the site's, so a change here reaches those pages too.
 */
public final class ContentSecurityPolicy {

    private static final Map<String, String> DIRECTIVES = directives();

    /** The policy of every page that does not change it. */
    public static final String SITE = siteWith(Map.of());

    private ContentSecurityPolicy() {
    }

    private static Map<String, String> directives() {
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : new String[]{"default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
                "media-src"}) {
            directives.put(directive, "'self'");
        }
        directives.put("object-src", "'none'");
        directives.put("base-uri", "'none'");
        directives.put("frame-ancestors", "'none'");
        directives.put("form-action", "'self'");
        return directives;
    }

    /** The site's policy with the given directives set to other values; each must be one the site's policy has. */
    public static String siteWith(Map<String, String> changed) {
        if (!DIRECTIVES.keySet().containsAll(changed.keySet())) {
            throw new IllegalArgumentException("not a directive of the site's policy: " + changed.keySet());
        }
        return DIRECTIVES.entrySet().stream()
                .map(d -> d.getKey() + " " + changed.getOrDefault(d.getKey(), d.getValue()))
                .collect(Collectors.joining("; "));
    }
}
