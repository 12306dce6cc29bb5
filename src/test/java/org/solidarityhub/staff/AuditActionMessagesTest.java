package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.solidarityhub.fundraising.Need;
import org.solidarityhub.fundraising.Purchase;

/**
 * The audit log shows a sentence in the reader's language for each action ({@code audit.action.<key>}), so every action
 * key that main code records ({@code audit.record(...)}) has that message in English and in Ukrainian.
 */
class AuditActionMessagesTest {

    private static final Pattern RECORD = Pattern.compile("audit\\w*\\.record\\(");
    private static final Pattern ACTION = Pattern.compile("\"((?:appeal|events|fundraising|media|news|organizations|platform|reports|staff|submissions|updates)\\.[A-Za-z0-9.-]*)\"");

    /** Keys made in code from a prefix and an enum constant's name in lower case. */
    private static final Map<String, List<String>> BUILT = Map.of(
            "fundraising.need.", names(Need.State.values()),
            "fundraising.purchase.", names(Purchase.Status.values()));

    @Test
    void everyActionThatMainCodeRecordsHasASentenceInEnglishAndUkrainian() throws IOException {
        Set<String> actions = recordedActions();
        assertThat(actions).as("the scan found the actions").hasSizeGreaterThan(50).contains("events.approved", "staff.signed-in");

        for (String file : List.of("messages.properties", "messages_uk.properties")) {
            Properties messages = messages(file);
            List<String> missing = actions.stream().filter(a -> isBlank(messages.getProperty("audit.action." + a))).toList();
            assertThat(missing).as("actions without a sentence in " + file).isEmpty();
        }
    }

    @Test
    void theUkrainianSentencesAreNotTheEnglishOnes() throws IOException {
        Properties english = messages("messages.properties");
        Properties ukrainian = messages("messages_uk.properties");
        List<String> same = english.stringPropertyNames().stream().filter(k -> k.startsWith("audit.action."))
                .filter(k -> english.getProperty(k).equals(ukrainian.getProperty(k))).toList();
        assertThat(same).isEmpty();
    }

    /** The action keys in the arguments of every audit.record call of main code; built keys expanded. */
    static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = RECORD.matcher(source);
                while (call.find()) {
                    int end = source.indexOf(';', call.end());
                    Matcher action = ACTION.matcher(source.substring(call.end(), end));
                    while (action.find()) {
                        String key = action.group(1);
                        if (key.endsWith(".")) {
                            List<String> suffixes = BUILT.get(key);
                            assertThat(suffixes).as("%s builds an action key from %s + …: list its suffixes in BUILT", file, key).isNotNull();
                            suffixes.forEach(s -> actions.add(key + s));
                        } else {
                            actions.add(key);
                        }
                    }
                }
            }
        }
        return actions;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        Arrays.stream(values).forEach(v -> names.add(v.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static Properties messages(String file) throws IOException {
        Properties messages = new Properties();
        try (var in = new InputStreamReader(AuditActionMessagesTest.class.getResourceAsStream("/" + file), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
