package org.solidarityhub.events;

import java.util.Locale;
import java.util.Map;

import org.solidarityhub.platform.ContentSecurityPolicy;

/** The content security policy of pages that show a map with configured remote tiles. */
final class EventsSecurity {

    private EventsSecurity() {
    }

    /** The site's policy with the tile host added to img-src: only for the pages that show the map. */
    static String policyWithTiles(String tileUrl) {
        String origin = origin(tileUrl);
        return ContentSecurityPolicy.siteWith(origin == null ? Map.of() : Map.of("img-src", "'self' " + origin));
    }

    /**
     * "https://tiles.example.org" of a tile URL template ("https://{s}.tiles.example.org/{z}/{x}/{y}.png" gives
     * "https://*.tiles.example.org"), or null when it is not an http(s) URL.
     */
    static String origin(String tileUrl) {
        String url = tileUrl == null ? "" : tileUrl.strip();
        int separator = url.indexOf("://");
        if (separator < 0) {
            return null;
        }
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        String rest = url.substring(separator + 3);
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).replace("{s}", "*");
        if (!(scheme.equals("https") || scheme.equals("http")) || host.isEmpty() || !host.matches("[A-Za-z0-9.*:\\-]+")) {
            return null;
        }
        return scheme + "://" + host;
    }
}
