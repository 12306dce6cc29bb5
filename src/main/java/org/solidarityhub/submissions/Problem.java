package org.solidarityhub.submissions;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * One problem with one field: a message key and its arguments, turned into text only where it is shown (a
 * template with {@code #messages.msgWithParams}, or the platform's API error answer, which resolves it as a
 * {@link MessageSourceResolvable} in the reader's language). Serializable, as a flash attribute it travels in the staff
 * session, which lives in the database.
 */
public record Problem(String key, List<Object> arguments) implements MessageSourceResolvable, java.io.Serializable {

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

    @Override
    public String[] getCodes() {
        return new String[]{key};
    }

    @Override
    public Object[] getArguments() {
        return args();
    }

    @Override
    public @Nullable String getDefaultMessage() {
        return key;
    }
}
