package org.solidarityhub.platform;

import java.util.Locale;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Loads what every page needs per language (the message bundle, the country names and the options of the
 * country select) before the server takes its first request, rather than in the first requests of a peak: at
 * a peak, dozens of requests would otherwise all load the same bundles from the jar at once.
 */
@Component
class LanguageWarmUp implements SmartInitializingSingleton {

    private final SupportedLanguages languages;
    private final MessageSource messages;
    private final Countries countries;

    LanguageWarmUp(SupportedLanguages languages, MessageSource messages, Countries countries) {
        this.languages = languages;
        this.messages = messages;
        this.countries = countries;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Locale language : languages.all()) {
            messages.getMessage("site.name", null, language);
            countries.options(language);
        }
    }
}
