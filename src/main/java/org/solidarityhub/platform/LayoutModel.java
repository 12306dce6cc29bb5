package org.solidarityhub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What the layout needs on every page: the language switch (links to the same page under each language's prefix),
 * the page's {@code hreflang} alternates and canonical address (absolute, from {@code app.base-url}), and whether a
 * staff member is signed in (for the staff link and the sign-out button; cheaper than evaluating a security
 * expression in every page). Added after a handler has chosen a view, so JSON, feeds and redirects pay nothing.
 */
final class LayoutModel implements HandlerInterceptor {

    /** One link of the language switch. */
    record Language(String code, String name, boolean current, String href) {
    }

    /** A {@code <link rel="alternate" hreflang>} of the page. */
    record Alternate(String hreflang, String href) {
    }

    private final List<Locale> all;
    private final Map<String, String> names;
    private final PlatformProperties platform;

    LayoutModel(SupportedLanguages languages, PlatformProperties platform) {
        this.all = languages.all();
        this.names = all.stream().collect(Collectors.toUnmodifiableMap(Locale::getLanguage, SupportedLanguages::nativeName));
        this.platform = platform;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !view.hasView() || view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
            return;
        }
        Locale current = RequestContextUtils.getLocale(request);
        String path = currentPath(request);
        boolean prefixed = request.getAttribute(LanguagePrefixFilter.LANGUAGE) != null;
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        String query = error ? "" : LanguagePrefixFilter.query(request); // an error page repeats nothing of the request
        String application = prefixed ? (String) request.getAttribute(LanguagePrefixFilter.APPLICATION_PATH) : request.getContextPath();
        String separator = query.isEmpty() ? "?" : "&";
        view.addObject("languages", all.stream().map(l -> new Language(l.getLanguage(), names.get(l.getLanguage()),
                l.getLanguage().equals(current.getLanguage()),
                application + (prefixed ? LanguageUrls.prefixed(l, path) : path) + query + separator + "lang=" + l.getLanguage())).toList());
        view.addObject("currentPath", path);
        view.addObject("staffSignedIn", staffSignedIn());
        if (prefixed && !error) {
            List<Alternate> alternates = new ArrayList<>(all.size() + 1);
            all.forEach(l -> alternates.add(new Alternate(l.getLanguage(), platform.link(l, path + query))));
            alternates.add(new Alternate("x-default", platform.link(path + query)));
            view.addObject("alternates", alternates);
            view.addObject("canonical", platform.link(current, path + query));
        }
    }

    /** Signed in with both factors: the authority that {@code /staff/**} requires (see SecurityConfiguration). */
    private static boolean staffSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (SecurityConfiguration.STAFF_AUTHORITY.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** The page's own path, for links that switch the language; on an error page, the path that failed. */
    static String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return path.isEmpty() || TextScreening.hasBadCharacter(path, false) ? "/" : path;
    }
}
