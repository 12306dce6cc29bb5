package org.solidarityhub.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What error pages and JSON error bodies show: the status, a localized title and, where the site knows
 * why it refused the request, a localized reason. Never a stack trace, an exception class or any input.
 */
@Component
class LocalizedErrorAttributes extends DefaultErrorAttributes {

    /** Request attribute by which a filter names the reason (a message key) before sending an error. */
    static final String REASON = LocalizedErrorAttributes.class.getName() + ".reason";

    private static final Set<Integer> TITLED = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 503);

    private final MessageSource messages;

    LocalizedErrorAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        attributes.remove("message");
        attributes.remove("trace");
        attributes.remove("exception");
        attributes.remove("errors");
        Locale locale = LocaleContextHolder.getLocale();
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String titleKey = TITLED.contains(status) ? "error." + status + ".title" : status >= 500 ? "error.500.title" : "error.400.title";
        String title = messages.getMessage(titleKey, null, locale);
        // "title" is the key of the documented JSON error shape (see ApiErrors); the error templates read
        // "errorTitle"
        attributes.put("title", title);
        attributes.put("errorTitle", title);
        String reasonKey = reasonKey(request, status);
        attributes.put("reason", messages.getMessage(reasonKey, null, locale));
        return attributes;
    }

    private String reasonKey(WebRequest request, int status) {
        if (getError(request) instanceof BadInputException bad) {
            return bad.reasonKey();
        }
        if (request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST) instanceof String key) {
            return key;
        }
        return TITLED.contains(status) ? "error." + status + ".text" : status >= 500 ? "error.500.text" : "error.400.text";
    }
}
