package org.solidarityhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * Notices whether rendering a page read the reader's CSRF token (a form of the page carries it): such a page
 * belongs to that reader, so the page cache neither keeps it nor lets a shared cache store it.
 */
final class CsrfTokenWatch extends HttpServletRequestWrapper {

    private static final String ATTRIBUTE = CsrfToken.class.getName();
    private static final String SHORT_ATTRIBUTE = "_csrf";

    private volatile boolean read;

    CsrfTokenWatch(HttpServletRequest request) {
        super(request);
    }

    boolean tokenRead() {
        return read;
    }

    @Override
    public Object getAttribute(String name) {
        Object value = super.getAttribute(name);
        if (value instanceof CsrfToken token && (ATTRIBUTE.equals(name) || SHORT_ATTRIBUTE.equals(name))) {
            return new CsrfToken() {
                @Override
                public String getHeaderName() {
                    return token.getHeaderName();
                }

                @Override
                public String getParameterName() {
                    return token.getParameterName();
                }

                @Override
                public String getToken() {
                    read = true;
                    return token.getToken();
                }
            };
        }
        return value;
    }
}
