package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;
import org.solidarityhub.appeal.AppealDemo;
import org.solidarityhub.events.EventsFixture;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A reader of each interface language walks the appeal, the events (list, one event, the submission form, the form
 * refused) and the staff sign-in: no page shows a message key, and none shows an interface text in English where the
 * language has its own (texts that people wrote in another language are marked with their {@code lang} and left
 * alone). Counts read right: the events list says 1, 2, 5, 21 and 22 actions in Ukrainian and in Russian with the
 * form each number takes.
 */
class TranslatedPagesTest extends WebTest {

    private static final Path MESSAGES = Path.of("src/main/resources");

    @Autowired
    ApplicationContext context;

    @Autowired
    SupportedLanguages languages;

    @Test
    void everyLanguageWalksTheAppealEventsAndStaffSignInWithoutAKeyOrAnEnglishText() throws IOException {
        String appeal = AppealDemo.load(context);
        String campaign = EventsFixture.loadDemo(context);
        long event = db.sql("SELECT e.id FROM event e JOIN campaign c ON c.id = e.campaign_id WHERE c.slug = :slug "
                        + "AND e.status = 'APPROVED' ORDER BY e.id LIMIT 1")
                .param("slug", campaign).query(Long.class).single();
        Map<String, String> english = read("messages.properties");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Locale language : languages.all()) {
            String code = language.getLanguage();
            if (code.equals(SupportedLanguages.BASE.getLanguage())) {
                continue;
            }
            Set<String> untranslated = englishTextsTranslatedIn(english, read("messages_" + code + ".properties"));
            Browser reader = anotherBrowser().acceptLanguage(code);
            List<Browser.Page> pages = new ArrayList<>(List.of(
                    reader.get("/" + code + "/appeals/" + appeal),
                    reader.get("/" + code + "/events?campaign=" + campaign),
                    reader.get("/" + code + "/events/" + event),
                    reader.get("/staff/login")));
            Browser.Page form = reader.get("/" + code + "/events/new?campaign=" + campaign);
            pages.add(form);
            pages.add(reader.submit(form, "form.event-form", Map.of("title", "", "city", "")));
            for (Browser.Page page : pages) {
                checked++;
                String where = code + " " + page.uri().getPath();
                if (page.status() != 200 && page.status() != 400) {
                    problems.add(where + " answered " + page.status());
                    continue;
                }
                Document doc = page.doc();
                if (!code.equals(doc.selectFirst("html").attr("lang"))) {
                    problems.add(where + " is not marked as " + code);
                }
                String shown = shownText(doc, code);
                for (String key : english.keySet()) {
                    if (shown.contains(key) && key.matches("[a-z]+(\\.[a-zA-Z0-9]+){2,}")) {
                        problems.add(where + " shows the key " + key);
                    }
                }
                for (String text : untranslated) {
                    if (shown.contains(text)) {
                        problems.add(where + " shows in English: " + text);
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(6 * (languages.all().size() - 1));
        assertThat(languages.all()).extracting(Locale::getLanguage)
                .contains("uk", "ru", "be", "pl", "de", "fr", "nl", "es", "it", "ar");
        assertThat(problems).isEmpty();
    }

    @Test
    void theEventsListCountsOneTwoFiveTwentyOneAndTwentyTwoActionsWithTheRightFormInUkrainianAndRussian() {
        String campaign = EventsFixture.newCampaignSlug(context);
        Map<Integer, List<String>> expected = Map.of(
                1, List.of("1 акція у 1 країні", "1 акция в 1 стране"),
                2, List.of("2 акції у 1 країні", "2 акции в 1 стране"),
                5, List.of("5 акцій у 1 країні", "5 акций в 1 стране"),
                21, List.of("21 акція у 1 країні", "21 акция в 1 стране"),
                22, List.of("22 акції у 1 країні", "22 акции в 1 стране"));
        int events = 0;
        for (int count : new TreeSet<>(expected.keySet())) {
            while (events < count) {
                EventsFixture.approvedEvent(context, campaign, "DEMONSTRATION", "Brussels", "BE");
                events++;
            }
            assertThat(anotherBrowser().acceptLanguage("uk").get("/uk/events?campaign=" + campaign).text(".counts"))
                    .isEqualTo(expected.get(count).get(0));
            assertThat(anotherBrowser().acceptLanguage("ru").get("/ru/events?campaign=" + campaign).text(".counts"))
                    .isEqualTo(expected.get(count).get(1));
        }
    }

    /**
     * The English texts without arguments of at least two words that this language says otherwise: if one shows on a
     * page of this language, it was not translated there.
     */
    private static Set<String> englishTextsTranslatedIn(Map<String, String> english, Map<String, String> other) {
        Set<String> texts = new TreeSet<>();
        english.forEach((key, text) -> {
            String translated = other.get(key);
            if (translated != null && !translated.equals(text) && !text.contains("{") && text.strip().contains(" ")
                    && text.length() >= 12) {
                texts.add(text.strip());
            }
        });
        return texts;
    }

    /**
     * What a reader of this language sees or hears: text and the attributes read out or shown, outside elements
     * whose own language differs (an appeal written in English on a Polish page is the appeal, not the interface).
     */
    private static String shownText(Document doc, String language) {
        StringBuilder shown = new StringBuilder();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element element) {
                    String lang = element.attr("lang");
                    if (!lang.isEmpty() && !lang.equals(language) || element.tagName().equals("script")
                            || element.tagName().equals("style") || element.closest("nav.languages") != null) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    for (String attribute : List.of("placeholder", "title", "aria-label", "alt", "content")) {
                        shown.append(element.attr(attribute)).append('\n');
                    }
                    if (element.tagName().equals("input") && element.attr("type").matches("submit|button")) {
                        shown.append(element.attr("value")).append('\n');
                    }
                } else if (node instanceof TextNode text) {
                    shown.append(text.text()).append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        return shown.toString().replaceAll("\\s+", " ");
    }

    private static Map<String, String> read(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((k, v) -> messages.put((String) k, (String) v));
        return messages;
    }
}
