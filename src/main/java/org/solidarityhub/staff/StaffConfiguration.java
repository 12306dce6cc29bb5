package org.solidarityhub.staff;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.OutboxBacklog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class StaffConfiguration implements WebMvcConfigurer {

    private final StaffAccounts accounts;
    private final StaffSessions sessions;

    StaffConfiguration(StaffAccounts accounts, StaffSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Bean
    PasswordEncoder passwordEncoder(StaffProperties properties) {
        return new BCryptPasswordEncoder(properties.passwordHashStrength());
    }

    /** An admin may do what every other role may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("MODERATOR", "TREASURER", "EDITOR")
                .build();
    }

    /** What waits for admins on the staff home: mail stuck in the outbox (or, with no mail server, mail to read there). */
    @Bean
    WaitingWork outboxWaiting(OutboxBacklog outbox) {
        return () -> {
            OutboxBacklog.Backlog backlog = outbox.now();
            return List.of(backlog.smtp()
                    ? new WaitingWork.Waiting(StaffRole.ADMIN, "staff.waiting.outbox.stuck", backlog.stuck(), "/staff/outbox")
                    : new WaitingWork.Waiting(StaffRole.ADMIN, "staff.waiting.outbox.unsent", backlog.unsent(), "/staff/outbox"));
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CurrentAccount()).addPathPatterns("/staff", "/staff/**");
        registry.addInterceptor(new StaffNavigation(roleHierarchy())).addPathPatterns("/staff", "/staff/**");
    }

    /**
     * Keeps a signed-in session in step with the account: a deactivated member is signed out at the next
     * request, and changed roles take effect at once.
     */
    private final class CurrentAccount implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal me)) {
                return true;
            }
            Optional<StaffAccount> account = accounts.findById(me.id()).filter(StaffAccount::active);
            if (account.isEmpty()) {
                sessions.signOut(request);
                response.sendRedirect(request.getContextPath() + "/staff/login");
                return false;
            }
            var current = StaffSessions.authorities(account.get());
            if (!current.equals(authentication.getAuthorities())) {
                boolean lostSome = !current.containsAll(authentication.getAuthorities());
                sessions.store(account.get(), request, response);
                if (lostSome) {
                    // the request was authorized with roles the member no longer has: check it again
                    String query = request.getQueryString();
                    response.sendRedirect("GET".equals(request.getMethod())
                            ? request.getRequestURI() + (query == null ? "" : "?" + query)
                            : request.getContextPath() + "/staff");
                    return false;
                }
            }
            return true;
        }
    }
}
