package org.solidarityhub.staff;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;

/**
 * Names the staff sessions kept in the database (Spring Session JDBC, {@code spring_session.principal_name}) by the
 * member's account id, not by the name the principal would give: no person's name is copied into the session table,
 * and the sessions of one account can be found by its id. A session halfway through signing in has none.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessionIndex {

    @Bean
    IndexResolver<Session> staffSessionPrincipal() {
        return session -> {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext security && security.getAuthentication() != null
                    && security.getAuthentication().getPrincipal() instanceof StaffPrincipal member) {
                return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, String.valueOf(member.id()));
            }
            return Map.of();
        };
    }
}
