package org.solidarityhub.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The languages a text may be written in: an appeal, a post, an event, a report. Any ISO 639 language CLDR can name
 * (Crimean Tatar and sign languages included), not only the interface's languages ({@link SupportedLanguages}), which
 * come first wherever a form offers a choice. Every list of content languages and every check of a content language
 * code comes from here.
 */
@Component
public class ContentLanguages {

    /** One language as a form offers it: its code and its name in the reader's language ("Ukrainian", "українська"). */
    public record Option(String code, String name) {
    }

    /** Codes Java still knows but that name a language under a newer code (he, id, yi). */
    private static final Set<String> REPLACED = Set.of("iw", "in", "ji");
    private static final Set<String> CODES = codes();
    private static final Map<Locale, LocaleDisplayNames> NAMES = new ConcurrentHashMap<>();

    private final SupportedLanguages interfaceLanguages;
    private final Map<Locale, List<Option>> offered = new ConcurrentHashMap<>();

    public ContentLanguages(SupportedLanguages interfaceLanguages) {
        this.interfaceLanguages = interfaceLanguages;
    }

    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>(List.of(Locale.getISOLanguages()));
        LocaleDisplayNames english = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
        for (String code : ULocale.getISOLanguages()) {
            if (!code.equals(english.languageDisplayName(code))) {
                codes.add(code); // three-letter codes of languages that have no two-letter one, where CLDR names them
            }
        }
        codes.removeAll(REPLACED);
        return Set.copyOf(codes);
    }

    /** Whether this is the lower-case code of a language a text may be in ("uk", "crh"). */
    public static boolean isKnown(@Nullable String code) {
        return code != null && CODES.contains(code);
    }

    /** The name of the language of this code in the reader's language, as in a sentence or a list. */
    public static String name(String code, Locale reader) {
        return capitalised(names(reader).languageDisplayName(code), reader);
    }

    /**
     * The direction of the script the language of this code is written in: "rtl" for Arabic, Persian, Hebrew, Urdu…,
     * "ltr" otherwise. Pages set it on {@code <html dir>} ({@code ${@contentLanguages.direction(#locale.language)}}) and
     * the stylesheets use logical properties only, so that is all a right-to-left language needs.
     */
    public String direction(String code) {
        return isRightToLeft(code) ? "rtl" : "ltr";
    }

    /** Whether the language of this code is written from right to left. */
    public static boolean isRightToLeft(String code) {
        return ULocale.forLanguageTag(code).isRightToLeft();
    }

    /** Every content language, the interface's first, then the others by their names in the reader's order. */
    public List<Option> offered(Locale reader) {
        return offered.computeIfAbsent(reader, this::list);
    }

    private List<Option> list(Locale reader) {
        List<Option> first = new ArrayList<>();
        for (Locale language : interfaceLanguages.all()) {
            first.add(new Option(language.getLanguage(), name(language.getLanguage(), reader)));
        }
        Collator collator = Collator.getInstance(ULocale.forLocale(reader));
        List<Option> rest = CODES.stream()
                .filter(code -> first.stream().noneMatch(o -> o.code().equals(code)))
                .map(code -> new Option(code, name(code, reader)))
                .sorted(Comparator.comparing(Option::name, collator::compare))
                .toList();
        first.addAll(rest);
        return List.copyOf(first);
    }

    /** As an item of a list or menu starts: CLDR says so for most languages, not for all (Belarusian). */
    private static String capitalised(String name, Locale reader) {
        return name.isEmpty() || !Character.isLowerCase(name.codePointAt(0)) ? name
                : name.substring(0, Character.charCount(name.codePointAt(0))).toUpperCase(reader)
                        + name.substring(Character.charCount(name.codePointAt(0)));
    }

    private static LocaleDisplayNames names(Locale reader) {
        return NAMES.computeIfAbsent(reader, r ->
                LocaleDisplayNames.getInstance(ULocale.forLocale(r), DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU));
    }
}
