package org.solidarityhub.submissions;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The problems of a submission, field by field, in the order they were found; the first problem of a field
 * wins. Each feature keeps its own wording under a key prefix ({@code appeal.error}, {@code events.error}),
 * and the shared checks ({@link #text}) add their problems under the same suffixes in every feature:
 * {@code required}, {@code tooLong} (the limit as argument), {@code markup}, {@code control}, {@code direction},
 * {@code formula}, {@code webAddress} and {@code lines}.
 */
public final class Problems {

    private final String prefix;
    private final Map<String, Problem> problems = new LinkedHashMap<>();

    public Problems(String keyPrefix) {
        this.prefix = keyPrefix.endsWith(".") ? keyPrefix : keyPrefix + ".";
    }

    /** Adds the problem {@code prefix.suffix} to a field, unless the field has one already. */
    public void add(String field, String suffix, Object... arguments) {
        problems.putIfAbsent(field, new Problem(prefix + suffix, Arrays.asList(arguments)));
    }

    public boolean has(String field) {
        return problems.containsKey(field);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Field → problem, in the order found. */
    public Map<String, Problem> all() {
        return Collections.unmodifiableMap(problems);
    }

    /** Field → message key, for tests and callers whose messages take no arguments. */
    public Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        problems.forEach((field, problem) -> keys.put(field, problem.key()));
        return keys;
    }

    /** Field → text in the reader's language, in the order found: what an API answer lists. */
    public Map<String, String> texts(MessageSource messages, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        problems.forEach((field, problem) -> texts.put(field, problem.text(messages, locale)));
        return texts;
    }

    /** Starts the shared checks of one text field; see {@link TextCheck}. */
    public TextCheck text(String field, @Nullable String value) {
        return new TextCheck(this, field, value);
    }
}
