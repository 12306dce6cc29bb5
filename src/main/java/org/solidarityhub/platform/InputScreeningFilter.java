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
 * Refuses, before anything else reads them, request parameters that no honest form sends: control
 * characters (other than tab and line breaks), text that is not valid UTF-8 (which the container refuses
 * to decode, or decodes to U+FFFD), and values longer than any field of the site accepts; and a path
 * that decodes to control characters. Each is a 400 with a localized reason.
 */
@Component
@Order(-200) // before Spring Security (-100), so CSRF and sign-in only see screened input
class InputScreeningFilter extends OncePerRequestFilter {

    static final int MAX_VALUE_LENGTH = 100_000;
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
        if (hasBadCharacter(path, false)) {
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
            String verdict = screen(name, MAX_NAME_LENGTH, false);
            if (verdict != null) {
                return verdict;
            }
            for (String value : request.getParameterValues(name)) {
                verdict = screen(value, MAX_VALUE_LENGTH, true);
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

    private static String screen(String text, int maxLength, boolean lineBreaksAllowed) {
        if (text.length() > maxLength) {
            return "error.reason.too-long";
        }
        if (text.indexOf('\uFFFD') >= 0) {
            return "error.reason.encoding";
        }
        if (hasBadCharacter(text, lineBreaksAllowed)) {
            return "error.reason.control";
        }
        return null;
    }

    /** Control characters (C0 except tab, CR, LF; DEL; C1), unpaired surrogates and non-characters. */
    static boolean hasBadCharacter(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!lineBreaksAllowed) {
                    return true;
                }
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
