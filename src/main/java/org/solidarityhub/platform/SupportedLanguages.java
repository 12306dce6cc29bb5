package org.solidarityhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The languages of the user interface. English is the base ({@code messages.properties}); every other
 * language is one file {@code messages_xx.properties} on the classpath, found at start-up, so adding a
 * language needs no code.
 */
@Component
public class SupportedLanguages {

    public static final Locale BASE = Locale.ENGLISH;
    private static final Pattern FILE = Pattern.compile("messages_([a-z]{2,3})\\.properties");

    private final List<Locale> locales;
    /** Browsers send few distinct headers, and matching one is costly next to a cheap request: kept, bounded. */
    private final Cache<String, Locale> acceptLanguageMatches = Caffeine.newBuilder().maximumSize(2_000).build();

    /** The languages of the message files the application's class loader sees. */
    @Autowired
    SupportedLanguages(ResourcePatternResolver resources) {
        this(discover(resources));
    }

    SupportedLanguages(List<Locale> locales) {
        this.locales = List.copyOf(locales);
    }

    private static List<Locale> discover(ResourcePatternResolver resources) {
        List<Locale> found = new ArrayList<>();
        found.add(BASE);
        try {
            for (Resource resource : resources.getResources("classpath*:messages_*.properties")) {
                Matcher matcher = FILE.matcher(String.valueOf(resource.getFilename()));
                if (matcher.matches()) {
                    Locale locale = Locale.forLanguageTag(matcher.group(1));
                    if (!found.contains(locale)) {
                        found.add(locale);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the message files", e);
        }
        found.subList(1, found.size()).sort(Comparator.comparing(Locale::getLanguage));
        return found;
    }

    public List<Locale> all() {
        return locales;
    }

    /** The supported language of this exact code ("uk", "en"), if any. */
    public Optional<Locale> byCode(String code) {
        if (code == null || code.isBlank() || code.length() > 8) {
            return Optional.empty();
        }
        try {
            String language = new Locale.Builder().setLanguageTag(code.trim()).build().getLanguage();
            return locales.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** Best match for an Accept-Language header; the base language when nothing fits or the header is malformed. */
    public Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return BASE;
        }
        return acceptLanguageMatches.get(header, this::match);
    }

    private Locale match(String header) {
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), locales);
            return match == null ? BASE : match;
        } catch (IllegalArgumentException e) {
            return BASE;
        }
    }

    /** The language's own name for itself, capitalised: "English", "Українська". */
    public static String nativeName(Locale locale) {
        return ContentLanguages.name(locale.getLanguage(), locale);
    }
}
