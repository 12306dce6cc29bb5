package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

/**
 * Every message file against the English one ({@code messages.properties}): the same keys, no more and no fewer;
 * every message with arguments a pattern ICU parses, using the same arguments as the English one; and every plural
 * choice offering each plural category its language has (Ukrainian needs one, few, many and other; English one and
 * other), so that a count never reads "1 підписів".
 */
class MessageFilesTest {

    private static final Path FOLDER = Path.of("src/main/resources");
    private static final Pattern FILE = Pattern.compile("messages(?:_([a-z]{2,3}))?\\.properties");

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglish() throws IOException {
        TreeMap<String, String> english = read(FOLDER.resolve("messages.properties"));
        List<String> problems = new ArrayList<>();
        for (Path file : languageFiles()) {
            TreeMap<String, String> other = read(file);
            Set<String> missing = new TreeSet<>(english.keySet());
            missing.removeAll(other.keySet());
            Set<String> extra = new TreeSet<>(other.keySet());
            extra.removeAll(english.keySet());
            missing.forEach(key -> problems.add(file.getFileName() + " lacks " + key));
            extra.forEach(key -> problems.add(file.getFileName() + " has " + key + ", which English lacks"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageWithArgumentsIsAPatternWithTheArgumentsOfEnglishAndEveryPluralCategoryOfItsLanguage() throws IOException {
        TreeMap<String, String> english = read(FOLDER.resolve("messages.properties"));
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(languageFiles());
        files.add(FOLDER.resolve("messages.properties"));
        for (Path file : files) {
            Locale language = languageOf(file);
            Set<String> categories = PluralRules.forLocale(ULocale.forLocale(language)).getKeywords();
            read(file).forEach((key, text) -> {
                if (!takesArguments(english.getOrDefault(key, text)) && !takesArguments(text)) {
                    return;
                }
                String where = file.getFileName() + " " + key;
                try {
                    MessagePattern pattern = new MessagePattern(text);
                    Set<String> expected = argumentsOf(new MessagePattern(english.getOrDefault(key, text)));
                    if (!argumentsOf(pattern).equals(expected)) {
                        problems.add(where + " uses the arguments " + argumentsOf(pattern) + " where English uses " + expected);
                    }
                    for (Set<String> offered : pluralChoices(pattern)) {
                        if (!offered.containsAll(categories)) {
                            Set<String> lacking = new TreeSet<>(categories);
                            lacking.removeAll(offered);
                            problems.add(where + " lacks the plural forms " + lacking);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(where + " is not a pattern: " + e.getMessage());
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noMessageCountsWithAChoiceFormatWhichCannotSayUkrainianOrRussianPlurals() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(languageFiles());
        files.add(FOLDER.resolve("messages.properties"));
        for (Path file : files) {
            read(file).forEach((key, text) -> {
                if (!takesArguments(text)) {
                    return;
                }
                try {
                    MessagePattern pattern = new MessagePattern(text);
                    for (int i = 0; i < pattern.countParts(); i++) {
                        if (pattern.getPart(i).getType() == MessagePattern.Part.Type.ARG_START
                                && pattern.getPart(i).getArgType() == MessagePattern.ArgType.CHOICE) {
                            problems.add(file.getFileName() + " " + key + " uses choice: use {n, plural, one {…} other {…}}");
                            break;
                        }
                    }
                } catch (IllegalArgumentException e) {
                    // the other test names it
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private static boolean takesArguments(String text) {
        return text.matches("(?s).*\\{\\s*\\w+\\s*[,}].*");
    }

    /** The names or numbers of the pattern's arguments. */
    private static Set<String> argumentsOf(MessagePattern pattern) {
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }

    /** For each plural argument of the pattern, the categories its keywords name ({@code =0} is no category). */
    private static List<Set<String>> pluralChoices(MessagePattern pattern) {
        List<Set<String>> choices = new ArrayList<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                Set<String> offered = new TreeSet<>();
                int limit = pattern.getLimitPartIndex(i);
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part inner = pattern.getPart(j);
                    if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        offered.add(pattern.getSubstring(inner));
                    } else if (inner.getType() == MessagePattern.Part.Type.ARG_START) {
                        j = pattern.getLimitPartIndex(j); // a nested argument's selectors are its own
                    }
                }
                choices.add(offered);
            }
        }
        return choices;
    }

    private static List<Path> languageFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> {
                Matcher m = FILE.matcher(f.getFileName().toString());
                return m.matches() && m.group(1) != null;
            }).sorted().toList();
        }
    }

    private static Locale languageOf(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        return m.matches() && m.group(1) != null ? Locale.forLanguageTag(m.group(1)) : Locale.ENGLISH;
    }

    private static TreeMap<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        TreeMap<String, String> messages = new TreeMap<>();
        properties.forEach((k, v) -> messages.put((String) k, (String) v));
        return messages;
    }
}
