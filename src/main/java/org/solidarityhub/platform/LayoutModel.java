package org.solidarityhub.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
 * What the layout needs on every page: the language switch, the path it links back to, and whether a staff
 * member is signed in (for the staff link and the sign-out button; cheaper than evaluating a security
 * expression in every page). Added after a handler has chosen a view, so JSON, feeds and redirects pay nothing.
 */
final class LayoutModel implements HandlerInterceptor {

    record Language(String code, String name, boolean current) {
    }

    /** The language switch as each language shows it, built once. */
    private final Map<String, List<Language>> switches;
    private final List<Language> fallback;

    LayoutModel(SupportedLanguages languages) {
        this.switches = languages.all().stream().collect(Collectors.toUnmodifiableMap(Locale::getLanguage,
                current -> languages.all().stream()
                        .map(l -> new Language(l.getLanguage(), SupportedLanguages.nativeName(l), l.equals(current)))
                        .toList()));
        this.fallback = switches.get(SupportedLanguages.BASE.getLanguage());
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !view.hasView() || view.getViewName() != null && view.getViewName().startsWith("redirect:")) {
            return;
        }
        Locale current = RequestContextUtils.getLocale(request);
        view.addObject("languages", switches.getOrDefault(current.getLanguage(), fallback));
        view.addObject("currentPath", currentPath(request));
        view.addObject("staffSignedIn", staffSignedIn());
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
