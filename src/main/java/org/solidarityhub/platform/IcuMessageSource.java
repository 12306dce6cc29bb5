package org.solidarityhub.platform;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

/**
 * The interface's messages ({@code messages.properties}, English, and one {@code messages_xx.properties} per other
 * language), formatted with ICU's MessageFormat so that a message may choose its words by the plural rules of its
 * language ({@code {count, plural, one {# signature} few {# підписи} many {# підписів} other {# підпису}}}), by a
 * choice ({@code select}), and format numbers the language's way (CLDR). Templates and mails keep asking for message
 * keys through Spring's {@code MessageSource}; only this class knows ICU.
 * <p>
 * A message without arguments is given as written (so a lone apostrophe needs no doubling there); a message with
 * arguments follows ICU's quoting, which is Java's for the messages this site had before: {@code ''} is one
 * apostrophe. A key missing from a language falls back to English (the base file is every bundle's parent), never to
 * the key itself.
 */
final class IcuMessageSource extends ResourceBundleMessageSource {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

    /** Parsed patterns per language; a format is not thread-safe, so each use locks its instance (it is quick). */
    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    IcuMessageSource() {
        setBasename("messages");
        setDefaultEncoding("UTF-8");
        setFallbackToSystemLocale(false);
    }

    @Override
    protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args, @Nullable Locale locale) {
        if (code == null || ObjectUtils.isEmpty(args)) {
            return super.getMessageInternal(code, args, locale);
        }
        Locale language = locale != null ? locale : Locale.ENGLISH;
        String pattern = resolveCodeWithoutArguments(code, language);
        if (pattern == null) {
            return super.getMessageInternal(code, args, locale);
        }
        MessageFormat format = formats.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(pattern, p -> new MessageFormat(p, ULocale.forLocale(language)));
        Object[] resolved = resolveArguments(args, language);
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof TemporalAccessor time) {
                resolved[i] = time.toString(); // as Java's MessageFormat gave it; pages format times with their own piece
            }
        }
        synchronized (format) {
            try {
                return format.format(resolved);
            } catch (IllegalArgumentException notANumber) {
                return format.format(numbers(resolved)); // a count given as text ("12") to a plural: as a number
            }
        }
    }

    /** The arguments with each text that is a plain number ("12", "-3.5") as that number. */
    private static Object[] numbers(Object[] arguments) {
        Object[] converted = arguments.clone();
        for (int i = 0; i < converted.length; i++) {
            if (converted[i] instanceof CharSequence text && NUMBER.matcher(text).matches()) {
                converted[i] = new BigDecimal(text.toString());
            }
        }
        return converted;
    }
}
