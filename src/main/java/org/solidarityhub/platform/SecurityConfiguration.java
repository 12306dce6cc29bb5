package org.solidarityhub.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
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
import org.springframework.web.util.UriUtils;

/**
 * Who may see what, and the headers every response carries. Two filter chains:
 * <ul>
 * <li>The staff area ({@code /staff/**}, and the error pages of its requests): a session, sign-in, and a CSRF
 * token in every form (kept in a cookie), as a signed-in member's browser acts in their name.
 * {@code /staff/**} needs a staff member signed in with both factors (authority ROLE_STAFF, given by the staff
 * feature only after the second factor); finer role checks sit on the controllers. Staff pages are never
 * stored by a cache.</li>
 * <li>Everything else (public pages, public forms, the JSON API): no session is started or read, no CSRF
 * token and no cookie, so every reader of a page gets the same bytes and a front cache may keep them. A public
 * form acts in nobody's name (a mailed link confirms each submission), so instead of a per-reader token it is
 * protected against posts from other sites by where the browser says the post came from
 * ({@link CrossSiteRequests}, see docs/security.md), and by the honeypot and limits of each form.</li>
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

    /** HSTS, written only on requests that arrived over HTTPS (directly or via a trusted proxy). */
    static HeaderWriter hsts() {
        return new HstsHeaderWriter(HSTS_MAX_AGE_SECONDS, true);
    }

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
                hsts(),
                new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=(), browsing-topics=()"),
                new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** The staff area: as before the public chain was split off, a session and CSRF tokens. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain staffSecurity(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
        csrfTokens.setCookiePath("/"); // one cookie for the whole staff area, whatever the context path

        http
                .securityMatcher(staffArea())
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(STAFF_PUBLIC).permitAll()
                        .anyRequest().hasRole("STAFF"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
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
                    headers.addHeaderWriter(new CacheControlHeadersWriter()); // staff pages are never stored
                });
        return http.build();
    }

    /** Everything else: stateless, no token, no cookie; posts from other sites refused. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain publicSecurity(HttpSecurity http, PlatformProperties properties, List<FramablePages> framable)
            throws Exception {
        http
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new CrossSiteRequests(properties.baseUrl()), HeaderWriterFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new Http403ForbiddenEntryPoint()))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> {
                    headers.defaultsDisabled();
                    publicResponse(framable).forEach(headers::addHeaderWriter);
                });
        return http.build();
    }

    /** The requests of the pages features declared framable ({@link FramablePages}). */
    static RequestMatcher framed(List<FramablePages> framable) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = framable.stream().flatMap(f -> f.paths().stream()).map(paths::matcher)
                .map(RequestMatcher.class::cast).toList();
        return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    /**
     * The headers of public responses: {@link #everyResponse()}, but framable pages get their own policy (any site
     * may frame them) and no X-Frame-Options.
     */
    static List<HeaderWriter> publicResponse(List<FramablePages> framable) {
        RequestMatcher notFramed = new NegatedRequestMatcher(framed(framable));
        List<HeaderWriter> writers = new java.util.ArrayList<>(everyResponse().stream()
                .map(writer -> writer instanceof ContentSecurityPolicyHeaderWriter || writer instanceof XFrameOptionsHeaderWriter
                        ? new DelegatingRequestMatcherHeaderWriter(notFramed, writer) : writer)
                .toList());
        framable.forEach(pages -> writers.add(new DelegatingRequestMatcherHeaderWriter(framed(List.of(pages)),
                new ContentSecurityPolicyHeaderWriter(pages.policy()))));
        return writers;
    }

    /**
     * Requests of the staff area: their path, decoded as Spring MVC decodes it to find the controller
     * ({@code /%73taff} is {@code /staff}), is {@code /staff} or under it; or they are the error page of such a
     * request (so that a staff error page knows who is signed in and is not stored either).
     */
    static RequestMatcher staffArea() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher staffPaths = new OrRequestMatcher(paths.matcher("/staff"), paths.matcher("/staff/**"));
        return request -> {
            if (request.getDispatcherType() == DispatcherType.ERROR
                    && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
                String path = UriUtils.decode(failed.substring(Math.min(request.getContextPath().length(), failed.length())),
                        StandardCharsets.UTF_8);
                return path.equals("/staff") || path.startsWith("/staff/");
            }
            return staffPaths.matches(request);
        };
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
