package org.solidarityhub.platform;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

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

    private final java.util.Map<Locale, List<Country>> sorted = new java.util.concurrent.ConcurrentHashMap<>();

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

    public String name(String code, Locale language) {
        return isKnown(code) ? Locale.of("", code).getDisplayCountry(language) : code;
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
}
