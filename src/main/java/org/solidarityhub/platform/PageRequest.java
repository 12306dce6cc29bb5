package org.solidarityhub.platform;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** What a {@link PublicPage}'s version may depend on: the variables of its path pattern and the query. */
public record PageRequest(Map<String, String> variables, HttpServletRequest request) {

    /** A variable of the path pattern ("slug" of "/appeals/{slug}"). */
    public String variable(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no variable " + name + " in the pattern");
        }
        return value;
    }

    /** A query parameter, or null. */
    public @Nullable String parameter(String name) {
        return request.getParameter(name);
    }

    /** A query parameter, "" when absent. */
    public String parameterOrEmpty(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** The language the page is shown in, as its URL names it (settled before its version is read). */
    public Locale language() {
        return request.getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME) instanceof Locale language
                ? language : SupportedLanguages.BASE;
    }
}
