package org.solidarityhub.platform;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps personal data out of every log line, whoever logs it (configured in {@code logback-spring.xml}), so no
 * call site has to be trusted. Before any appender sees a line, this filter
 * <ul>
 * <li>drops the debug and trace lines of the libraries that print statement parameters, request content or
 * mail conversations at those levels;</li>
 * <li>formats the message with each exception argument replaced by its class name, and redacts the result
 * ({@link LogRedaction#redact});</li>
 * <li>replaces the logged exception by one that prints the same classes and stack frames with messages
 * withheld or redacted ({@link LogRedaction#message}).</li>
 * </ul>
 * A line that changes is handed to the appenders as a new event and the original one is denied, so console,
 * file and structured (JSON) output all get the redacted line.
 */
public final class PersonalDataLogFilter extends TurboFilter {

    /** Loggers whose debug and trace lines print values (statement parameters, request parts, SMTP dialogues). */
    private static final List<String> QUIET_BELOW_INFO = List.of(
            "org.springframework.jdbc.core.StatementCreatorUtils", "org.postgresql", "org.h2", "h2database",
            "jakarta.mail", "org.eclipse.angus.mail", "com.sun.mail", "org.springframework.mail",
            "org.apache.tomcat.util.http", "org.apache.coyote", "org.springframework.web.filter.CommonsRequestLoggingFilter",
            "org.springframework.web.servlet.mvc.method.annotation", "org.springframework.http.converter",
            "com.icegreen.greenmail");

    private static final String FQCN = Logger.class.getName();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        try {
            return redacted(marker, logger, level, format, params, t);
        } catch (RuntimeException | StackOverflowError e) {
            return FilterReply.DENY; // a line that cannot be checked is not written; logging never fails the caller
        }
    }

    private FilterReply redacted(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null && t == null) {
            return FilterReply.NEUTRAL; // an isEnabled check
        }
        if (!level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL; // the logger drops it anyway
        }
        if (level.levelInt < Level.INFO_INT && quiet(logger.getName())) {
            return FilterReply.DENY;
        }
        Throwable throwable = t;
        Object[] arguments = params;
        if (throwable == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                && placeholders(format) < params.length) {
            throwable = last; // SLF4J's convention: a trailing exception is the line's exception
            arguments = java.util.Arrays.copyOf(params, params.length - 1);
        }
        String formatted = format(format, arguments);
        String redacted = LogRedaction.redact(formatted);
        if (throwable == null && redacted.equals(formatted) && !hasThrowable(arguments)) {
            return FilterReply.NEUTRAL;
        }
        LoggingEvent event = new LoggingEvent(FQCN, logger, level, redacted, null, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        if (throwable != null) {
            event.setThrowableProxy(new RedactedThrowableProxy(throwable));
        }
        logger.callAppenders(event);
        return FilterReply.DENY;
    }

    private static boolean quiet(String name) {
        for (String prefix : QUIET_BELOW_INFO) {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String format(String format, Object[] arguments) {
        if (format == null) {
            return "";
        }
        if (arguments == null || arguments.length == 0) {
            return format;
        }
        Object[] safe = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            safe[i] = arguments[i] instanceof Throwable e ? e.getClass().getName() : arguments[i];
        }
        return MessageFormatter.basicArrayFormat(format, safe);
    }

    private static boolean hasThrowable(Object[] arguments) {
        if (arguments != null) {
            for (Object argument : arguments) {
                if (argument instanceof Throwable) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int placeholders(String format) {
        if (format == null) {
            return 0;
        }
        int count = 0;
        for (int i = format.indexOf("{}"); i >= 0; i = format.indexOf("{}", i + 2)) {
            count++;
        }
        return count;
    }
}
