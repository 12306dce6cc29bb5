package org.solidarityhub.platform;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may see what, and the headers every response carries.
 * <ul>
 * <li>Public pages need no account and never start a session: the CSRF token lives in a cookie, and the
 * only session is a staff member's.</li>
 * <li>{@code /staff/**} needs a staff member signed in with both factors (authority ROLE_STAFF, given
 * by the staff feature only after the second factor); finer role checks sit on the controllers.</li>
 * <li>No page may load anything from another host: the CSP says {@code 'self'} throughout.</li>
 * <li>Error pages carry the same headers, also for requests refused before Spring Security ran.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The authority of a staff member signed in with both factors. */
    static final String STAFF_AUTHORITY = "ROLE_STAFF";

    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    /** Paths under /staff that a person reaches before signing in. */
    static final String[] STAFF_PUBLIC = {"/staff/login", "/staff/login/**", "/staff/setup/**", "/staff/invitations/**"};

    /**
     * The headers every response carries, error pages included. Each writer leaves alone a header that is
     * already set; HSTS is only sent on requests that arrived over HTTPS (directly or via a trusted proxy).
     */
    static List<HeaderWriter> everyResponse() {
        return List.of(
                new ContentSecurityPolicyHeaderWriter(ContentSecurityPolicy.SITE),
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(), // "0": browsers' XSS auditors did more harm than good
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN),
                new HstsHeaderWriter(HSTS_MAX_AGE_SECONDS, true),
                new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), browsing-topics=()"),
                new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        csrfTokens.setCookiePath("/"); // one cookie for every language prefix (the context path ends with it)
        HeaderWriter noStoreForStaff = new DelegatingRequestMatcherHeaderWriter(
                PathPatternRequestMatcher.withDefaults().matcher("/staff/**"), new CacheControlHeadersWriter());

        http
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(STAFF_PUBLIC).permitAll()
                        .requestMatchers("/staff", "/staff/**").hasRole("STAFF")
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers("/api/**"))
                // no session for anonymous visitors of /staff: after sign-in, members land on /staff
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/staff/login")))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout
                        .logoutUrl("/staff/logout")
                        .logoutSuccessUrl("/staff/login?signedOut")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> {
                    headers.defaultsDisabled();
                    everyResponse().forEach(headers::addHeaderWriter);
                    // public pages may be cached by a front cache; staff pages never
                    headers.addHeaderWriter(noStoreForStaff);
                });
        return http.build();
    }

    /**
     * Spring Security writes its headers in the request dispatch and skips the error dispatch. A request
     * refused before it ran (by {@link InputScreeningFilter}, or by its own firewall) would get an error page
     * without CSP, nosniff or frame options; this filter gives those error pages the same headers.
     */
    @Bean
    FilterRegistrationBean<Filter> errorPageHeaders() {
        List<HeaderWriter> writers = everyResponse();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            writers.forEach(writer -> writer.writeHeaders((HttpServletRequest) request, (HttpServletResponse) response));
            chain.doFilter(request, response);
        });
        registration.setName("errorPageHeaders");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
