package org.solidarityhub.events;

import java.util.Map;

import org.solidarityhub.platform.ContentSecurityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The embeddable list (/embed/**) may be framed by any partner website: only there, frame-ancestors is
 * open and X-Frame-Options is not sent. It is read-only (GET), has no forms, and starts no session.
 */
@Configuration(proxyBeanMethods = false)
class EmbedSecurity {

    /** The site's policy, but any site may frame these pages, and they submit nothing. */
    static final String EMBED_POLICY = ContentSecurityPolicy.siteWith(Map.of("frame-ancestors", "*", "form-action", "'none'"));

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain embedFilterChain(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/embed/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers
                        .frameOptions(frames -> frames.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(EMBED_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .cacheControl(cache -> cache.disable()));
        return http.build();
    }
}
