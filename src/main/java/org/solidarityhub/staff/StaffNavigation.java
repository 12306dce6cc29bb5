package org.solidarityhub.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The navigation of the staff area, shown on every staff page of a member signed in with both factors (the layout
 * puts {@code fragments/staff :: nav} under the site's header when the model has {@code staffNav}): the sections
 * the member's roles open, the current one (the longest section path the page's path starts with) marked. A new
 * staff page under a section's path belongs to that section with no work; a new section is a line in
 * {@link #SECTIONS}.
 */
final class StaffNavigation implements HandlerInterceptor {

    /** A section: its name (message key), its page, the roles that open it (none: every member). */
    record Section(String key, String path, Set<StaffRole> roles) {

        Section(String key, String path, StaffRole... roles) {
            this(key, path, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
        }
    }

    /** One link of the navigation. */
    record Link(String key, String path, boolean current) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("staff.nav.home", "/staff"),
            new Section("staff.nav.queue", "/staff/queue", StaffRole.MODERATOR),
            new Section("staff.nav.appeals", "/staff/appeals", StaffRole.EDITOR, StaffRole.MODERATOR),
            new Section("staff.nav.events", "/staff/events", StaffRole.MODERATOR),
            new Section("staff.nav.speakers", "/staff/events/speakers", StaffRole.MODERATOR),
            new Section("staff.nav.reports", "/staff/reports", StaffRole.MODERATOR),
            new Section("staff.nav.comments", "/staff/news/comments", StaffRole.MODERATOR),
            new Section("staff.nav.news", "/staff/news", StaffRole.EDITOR),
            new Section("staff.nav.updates", "/staff/news/updates", StaffRole.EDITOR),
            new Section("staff.nav.fundraising", "/staff/fundraising", StaffRole.TREASURER),
            new Section("staff.nav.imports", "/staff/fundraising/imports", StaffRole.TREASURER),
            new Section("staff.nav.outbox", "/staff/outbox", StaffRole.ADMIN),
            new Section("staff.nav.team", "/staff/admin/accounts", StaffRole.ADMIN),
            new Section("staff.nav.audit", "/staff/audit", StaffRole.ADMIN));

    private final RoleHierarchy roles;

    StaffNavigation(RoleHierarchy roles) {
        this.roles = roles;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !view.hasView() || view.getViewName() != null && view.getViewName().startsWith("redirect:")
                || request.getDispatcherType() != DispatcherType.REQUEST) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal)
                || !has(authentication.getAuthorities(), StaffSessions.STAFF_AUTHORITY)) {
            return; // not signed in with both factors: the sign-in pages
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        view.addObject("staffNav", links(roles.getReachableGrantedAuthorities(authentication.getAuthorities()), path));
    }

    /** The links a member with these authorities sees on the page at {@code path}. */
    static List<Link> links(Collection<? extends GrantedAuthority> authorities, String path) {
        List<Section> open = SECTIONS.stream()
                .filter(s -> s.roles().isEmpty() || s.roles().stream().anyMatch(r -> has(authorities, r.authority())))
                .toList();
        String current = open.stream().map(Section::path)
                .filter(p -> path.equals(p) || path.startsWith(p + "/"))
                .reduce((a, b) -> b.length() > a.length() ? b : a).orElse("");
        return open.stream().map(s -> new Link(s.key(), s.path(), s.path().equals(current))).toList();
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, String authority) {
        return authorities.stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
