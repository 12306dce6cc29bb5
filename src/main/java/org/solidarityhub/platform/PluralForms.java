package org.solidarityhub.platform;

import java.util.Locale;

/**
 * Which plural form of a message a count takes, by the CLDR plural rules of the site's languages: a countable
 * message has one key per form its languages use, {@code <key>.one}, {@code <key>.few}, {@code <key>.many},
 * {@code <key>.other} (English uses one and other; Ukrainian one, few and many, and other for fractions). Until
 * the messages move to ICU MessageFormat (issue 15), where {@code {0, plural, one {…} few {…} …}} replaces this
 * class and the keys of one message merge into one, the forms are chosen here, in code. A language without rules
 * here gets English's.
 */
public final class PluralForms {

    private PluralForms() {
    }

    /** The message key of the form that {@code count} takes in the language of {@code locale}: {@code key + ".one"}, …. */
    public static String key(String key, long count, Locale locale) {
        return key + "." + form(count, locale);
    }

    /** The CLDR plural category of a whole number in a language: "one", "few", "many" or "other". */
    public static String form(long count, Locale locale) {
        long n = Math.abs(count);
        return switch (locale.getLanguage()) {
            case "uk", "ru", "be" -> {
                long units = n % 10;
                long tens = n % 100;
                if (units == 1 && tens != 11) {
                    yield "one";
                }
                if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) {
                    yield "few";
                }
                yield "many";
            }
            default -> n == 1 ? "one" : "other";
        };
    }
}
