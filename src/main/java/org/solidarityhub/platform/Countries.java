package org.solidarityhub.platform;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The countries a person can pick: ISO 3166-1 alpha-2 codes, named in the reader's language by the JDK's
 * CLDR data, so a new interface language brings its country names along.
 */
@Component
public class Countries {

    /** A country as a form or a table shows it. */
    public record Country(String code, String name) {
    }

    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    /**
     * The {@code <option>} elements of a country {@code <select>} in one language, built once per language
     * (a form has about 250 of them, too many to render element by element on every page view).
     * {@link #html(String)} marks the chosen country; the markup around it stays in the template:
     * {@code <select name="country"><option value="">…</option><th:block th:utext="${countryOptions.html(form.country)}"/></select>}.
     */
    public static final class Options {

        private final String html;

        private Options(List<Country> countries) {
            this.html = countries.stream().map(c -> option(c.code()) + HtmlUtils.htmlEscape(c.name(), "UTF-8") + "</option>")
                    .collect(Collectors.joining());
        }

        private static String option(String code) {
            return "<option value=\"" + code + "\">";
        }

        /** Every option, the one of {@code selected} (a country code, or null or anything else for none) selected. */
        public String html(String selected) {
            if (selected == null || !CODES.contains(selected)) {
                return html;
            }
            String option = option(selected);
            int at = html.indexOf(option) + option.length() - 1;
            return html.substring(0, at) + " selected" + html.substring(at);
        }
    }

    private final Map<Locale, List<Country>> sorted = new ConcurrentHashMap<>();
    private final Map<Locale, Map<String, String>> names = new ConcurrentHashMap<>();
    private final Map<Locale, Options> options = new ConcurrentHashMap<>();

    /** The upper-case code if it is a known ISO 3166-1 alpha-2 code ("be" → "BE"). */
    public Optional<String> normalize(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return CODES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    public boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** The country's name in the given language (looked up once per language); an unknown code stays as it is. */
    public String name(String code, Locale language) {
        if (!isKnown(code)) {
            return code;
        }
        return names.computeIfAbsent(language, l -> CODES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                c -> Locale.of("", c).getDisplayCountry(l)))).get(code);
    }

    /** Every country, sorted by its name in the given language (computed once per language). */
    public List<Country> all(Locale language) {
        return sorted.computeIfAbsent(language, l -> {
            Collator collator = Collator.getInstance(l);
            return CODES.stream()
                    .map(code -> new Country(code, name(code, l)))
                    .sorted(Comparator.comparing(Country::name, collator))
                    .toList();
        });
    }

    /** The options of a country {@code <select>} in the given language (built once per language). */
    public Options options(Locale language) {
        return options.computeIfAbsent(language, l -> new Options(all(l)));
    }
}
