package org.solidarityhub.platform;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Enumeration;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, request parameters (query, form and multipart fields) that no
 * honest form sends: what {@link TextScreening} refuses (control characters, text that is not valid UTF-8,
 * values longer than any field of the site accepts), and names with brackets or dots ({@code name[0]},
 * {@code a.b}), which no form of the site uses and which would ask the data binder for indexed or nested
 * properties; and a path that decodes to control characters. Each is a 400 with a localized reason. JSON
 * bodies are screened the same way as they are read ({@link ScreenedJson}).
 */
@Component
@Order(-200) // before Spring Security (-100), so CSRF and sign-in only see screened input
class InputScreeningFilter extends OncePerRequestFilter {

    static final int MAX_VALUE_LENGTH = TextScreening.MAX_VALUE_LENGTH;
    static final int MAX_NAME_LENGTH = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problemWith(request);
        if (problem != null) {
            request.setAttribute(LocalizedErrorAttributes.REASON, problem);
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private static String problemWith(HttpServletRequest request) {
        // the decoded path: the raw request URI still has its control characters percent-encoded
        String path = request.getServletPath() + Objects.requireNonNullElse(request.getPathInfo(), "");
        if (path.indexOf('\uFFFD') >= 0) {
            return "error.reason.encoding";
        }
        if (TextScreening.hasBadCharacter(path, false)) {
            return "error.reason.control";
        }
        Enumeration<String> names;
        try {
            names = request.getParameterNames();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the container could not parse the parameters: bytes that are not UTF-8, or too many, too
            // large, malformed
            return notUtf8(e) ? "error.reason.encoding" : "error.reason.malformed";
        }
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String verdict = TextScreening.problem(name, MAX_NAME_LENGTH, false);
            if (verdict != null) {
                return verdict;
            }
            if (structured(name)) {
                return "error.reason.parameter-name";
            }
            for (String value : request.getParameterValues(name)) {
                verdict = TextScreening.problem(value, MAX_VALUE_LENGTH, true);
                if (verdict != null) {
                    return verdict;
                }
            }
        }
        return null;
    }

    /** Whether the container gave up on the parameters because they could not be decoded as UTF-8. */
    private static boolean notUtf8(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** A name that binding would read as an index, a map key or a nested property. */
    private static boolean structured(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == ']' || c == '.') {
                return true;
            }
        }
        return false;
    }
}
