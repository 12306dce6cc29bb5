package org.solidarityhub.platform;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.MessageSource;
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
        Locale locale = PageLanguage.ofError(request);
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String title = messages.getMessage(ErrorTexts.titleKey(status), null, locale);
        // "title" is the key of the JSON error shape (as in API problem details); the error templates read
        // "errorTitle", as "title" is the name of the layout's own fragment parameter
        attributes.put("title", title);
        attributes.put("errorTitle", title);
        String reasonKey = reasonKey(request, status);
        attributes.put("reason", messages.getMessage(reasonKey, null, locale));
        return attributes;
    }

    /** Why the request failed, as a message key: what the application or a filter said, else the status's text. */
    String reasonKey(WebRequest request, int status) {
        if (getError(request) instanceof BadInputException bad) {
            return bad.reasonKey();
        }
        if (request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST) instanceof String key) {
            return key;
        }
        return ErrorTexts.reasonKey(status);
    }
}
