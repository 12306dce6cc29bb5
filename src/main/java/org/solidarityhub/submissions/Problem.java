package org.solidarityhub.submissions;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * One problem with one field: a message key and its arguments, turned into text only where it is shown
 * (a template with {@code #messages.msgWithParams}, or {@link #text} for an API answer).
 */
public record Problem(String key, List<Object> arguments) {

    public Problem {
        arguments = List.copyOf(arguments);
    }

    /** The arguments as the message formatters take them. */
    public Object[] args() {
        return arguments.toArray();
    }

    public String text(MessageSource messages, Locale locale) {
        return messages.getMessage(key, args(), key, locale);
    }
}
