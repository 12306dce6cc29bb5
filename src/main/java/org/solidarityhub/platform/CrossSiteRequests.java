package org.solidarityhub.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a public form or API request that a page of another site made the reader's browser send, without a
 * per-reader token: public forms carry no ambient authority (nothing is done in anyone's name until a mailed
 * link confirms it), so all they need is to know where the post came from, which browsers say themselves.
 * Only requests that may change something (not GET, HEAD, OPTIONS or TRACE) are looked at:
 * <ol>
 * <li>{@code Sec-Fetch-Site} (every current browser sends it): {@code same-origin} and {@code none} (the reader
 * typed the address, or a bookmark) pass; {@code same-site} (a page of a sibling subdomain, which this site does
 * not control) and {@code cross-site} are refused.</li>
 * <li>Else {@code Origin} (older browsers send it on every POST): it must be this site's, the origin of
 * {@code app.base-url} or the one the request itself was addressed to (scheme, host and port as the server sees
 * them, with the scheme of a trusted proxy's {@code X-Forwarded-Proto}, see {@link TrustedProxies}); anything
 * else, {@code null} included (a sandboxed or data: page), is refused.</li>
 * <li>Neither header: not a browser of this decade (curl, a script, a server). Such a client can send whatever
 * it likes anyway, so a forged header would stop nobody; it passes, and the honeypot, the limits per address and
 * the confirmation by mail still apply.</li>
 * </ol>
 * One exception, by a fixed rule: the one-click unsubscribe of RFC 8058, a POST to a path whose last two segments
 * are {@code unsubscribe/{token}} (the token: 16 to 64 URL-safe characters, e.g. {@code /news/unsubscribe/AbC…}),
 * passes whatever it says of its origin. Mail programs post there from no page of this site (the address is in the
 * {@code List-Unsubscribe} header of a list's mail), and the mailed token is the whole authority: a page of another
 * site can only unsubscribe the owner of a token it already knows. A handler at such a path must do nothing else.
 * <p>
 * A refusal is a 403 with a localized reason: the error page for forms, a problem detail under {@code /api/}.
 * Staff pages keep their CSRF tokens (a session acts in a member's name) and do not pass through here.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    /** The message key of the reason a refused request is given. */
    static final String REASON = "error.reason.cross-site";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The path of a one-click unsubscribe (RFC 8058), after the context path (and language prefix). */
    private static final java.util.regex.Pattern ONE_CLICK_UNSUBSCRIBE =
            java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)*/unsubscribe/[A-Za-z0-9_-]{16,64}");

    private final String siteOrigin;

    CrossSiteRequests(URI baseUrl) {
        this.siteOrigin = origin(baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && !oneClickUnsubscribe(request) && refused(request)) {
            request.setAttribute(LocalizedErrorAttributes.REASON, REASON);
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a request is a one-click unsubscribe (RFC 8058): a POST to {@code …/unsubscribe/{token}}. */
    static boolean oneClickUnsubscribe(HttpServletRequest request) {
        String path = request.getRequestURI().substring(Math.min(request.getContextPath().length(), request.getRequestURI().length()));
        return "POST".equals(request.getMethod()) && ONE_CLICK_UNSUBSCRIBE.matcher(path).matches();
    }

    /** Whether a request that may change something came from a page of another site. */
    boolean refused(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            return !(site.equals("same-origin") || site.equals("none"));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String claimed = parsed(origin.strip());
        return claimed == null || !(claimed.equals(siteOrigin)
                || claimed.equals(origin(request.getScheme(), request.getServerName(), request.getServerPort())));
    }

    /** "scheme://host[:port]" of an Origin header, the port left out when it is the scheme's default; null if malformed. */
    private static String parsed(String header) {
        try {
            URI uri = new URI(header);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
