package org.solidarityhub.events;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.solidarityhub.platform.SupportedLanguages;

/** A campaign such as a global week of action, with its name and description per language. */
record Campaign(long id, String slug, LocalDate startsOn, LocalDate endsOn, Map<String, Text> texts) {

    record Text(String name, String description) {
    }

    /** The text in the language, else in the site's base language (English), else any. */
    public Text text(Locale locale) {
        Text text = texts.get(locale.getLanguage());
        if (text == null) {
            text = texts.get(SupportedLanguages.BASE.getLanguage());
        }
        return text != null ? text : texts.values().stream().findFirst().orElse(new Text(slug, ""));
    }

    public String name(Locale locale) {
        return text(locale).name();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
