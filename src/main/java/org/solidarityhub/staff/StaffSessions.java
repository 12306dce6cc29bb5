package org.solidarityhub.staff;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Puts a staff member who passed both factors into the session, with authorities from the account's roles. */
@Component
class StaffSessions {

    static final String STAFF_AUTHORITY = "ROLE_STAFF";

    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    StaffSessions(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    void signIn(StaffAccount account, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // a new id once the member is fully signed in: no session fixation
        session.removeAttribute(PendingSignIns.ATTRIBUTE);
        store(account, request, response);
    }

    /** Replaces the session's authorities with the account's current ones. */
    void store(StaffAccount account, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(account.id(), account.displayName()), null, authorities(account)));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    static List<GrantedAuthority> authorities(StaffAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(STAFF_AUTHORITY));
        account.roleSet().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        return authorities;
    }

    void signOut(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
