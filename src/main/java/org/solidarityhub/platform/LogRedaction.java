package org.solidarityhub.platform;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What may be printed of a log line, decided for every line whoever wrote it ({@link PersonalDataLogFilter}).
 * <ul>
 * <li>The message of an exception from the database driver, the pool, Spring's data access, the mail library or
 * the parsing of a request is never printed: such messages quote statements with their values, addresses and
 * request bodies. Only the class is printed, with the SQLState of a database error.</li>
 * <li>Every other text (messages, other exceptions' messages) loses what libraries quote or bracket (values,
 * statements, request parts), email addresses, IP addresses (but not the host of a URL) and a database's
 * "Detail:" and "Failing row" parts.</li>
 * </ul>
 */
final class LogRedaction {

    static final String WITHHELD = "«withheld: may hold personal data»";

    /** Exceptions whose messages quote values, statements, addresses or request content. */
    private static final List<String> WITHHELD_PACKAGES = List.of(
            "java.sql.", "javax.sql.", "org.postgresql.", "org.h2.", "com.zaxxer.hikari.",
            "org.springframework.dao.", "org.springframework.jdbc.", "org.springframework.transaction.",
            "org.springframework.data.", "org.flywaydb.core.internal.sqlscript.",
            "jakarta.mail.", "javax.mail.", "com.sun.mail.", "org.eclipse.angus.mail.", "org.springframework.mail.",
            "tools.jackson.", "com.fasterxml.jackson.", "org.springframework.http.converter.",
            "org.springframework.web.bind.", "org.springframework.web.method.annotation.",
            "org.springframework.web.multipart.", "org.springframework.validation.", "org.springframework.beans.",
            "org.springframework.core.convert.", "org.apache.tomcat.util.http.", "org.apache.coyote.");

    private static final String QUOTED = "\\[[^\\[\\]]*+\\]|'[^'\\n]*+'|\"[^\"\\n]*+\"|`[^`'\\n]*+'+";
    private static final Pattern BRACKETED = Pattern.compile(QUOTED);
    private static final Pattern DETAIL = Pattern.compile(
            "(?i)(?:\\bdetail:|failing row contains|\\bkey \\([^)\\n]*+\\)=|\\bwhere:)[^\\n]*+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]++@[\\w-]++(?:\\.[\\w-]++)++");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.]|://)(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\w|\\.\\d)");
    private static final String HEX = "[0-9A-Fa-f]{1,4}";
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:]|://\\[)(?:" + HEX + "(?::" + HEX + "){7}"
            + "|(?:" + HEX + "(?::" + HEX + "){0,6})?::(?:" + HEX + "(?::" + HEX + "){0,6})?)(?![\\w:])");

    private LogRedaction() {
    }

    /** Whether an exception of this class may carry values in its message. */
    static boolean withholdsMessage(String className) {
        for (String prefix : WITHHELD_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The message of an exception as it may be printed. */
    static String message(String className, String message, Throwable throwable) {
        if (message == null) {
            return null;
        }
        if (withholdsMessage(className)) {
            return throwable instanceof SQLException sql && sql.getSQLState() != null
                    ? WITHHELD + " SQLState " + redact(sql.getSQLState()) : WITHHELD;
        }
        return redact(message);
    }

    /** A text without quoted or bracketed parts, database details, email and IP addresses. */
    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = DETAIL.matcher(text).replaceAll("«detail withheld»");
        // brackets nest ("threw exception [… [value] …]"): the innermost become «…», then those around them
        for (int i = 0; i < 8 && BRACKETED.matcher(result).find(); i++) {
            result = BRACKETED.matcher(result).replaceAll("«…»");
        }
        result = EMAIL.matcher(result).replaceAll("«email»");
        result = IPV4.matcher(result).replaceAll("«ip»");
        return IPV6.matcher(result).replaceAll("«ip»");
    }
}
