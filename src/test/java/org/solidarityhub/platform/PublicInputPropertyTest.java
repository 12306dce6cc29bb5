package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.solidarityhub.test.Browser;
import org.slf4j.LoggerFactory;
import org.solidarityhub.test.WebTest;
import org.springframework.test.context.TestContextManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generated input against every public form and API of the running application, over real HTTP: texts with
 * NUL and other control characters, lone surrogates, emoji, bidirectional overrides and huge lengths; indexed
 * and nested parameter names; JSON of the wrong types and deep nesting. Whatever comes in, the answer is a
 * 2xx, 3xx or 4xx, never a 5xx, and nothing is logged as an error or with a stack trace. Tries are bounded so
 * the suite stays fast.
 */
class PublicInputPropertyTest {

    /** The application of the other web tests (the same cached Spring context), reached through its port. */
    static final class App extends WebTest {
        String base() {
            return "http://localhost:" + port;
        }

        void sql(String sql, Map<String, ?> params) {
            db.sql(sql).params(params).update();
        }
    }

    /** What the application logs meanwhile: no input may cause an error or a stack trace in the log. */
    private static final Queue<ILoggingEvent> LOGGED = new ConcurrentLinkedQueue<>();

    private static final String CAPTURE_NAME = "public-input-property-test";

    private static App app;
    private static String appeal;
    private static String campaign;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeContainer
    static void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null) {
                    LOGGED.add(event);
                }
            }
        };
        capture.setName(CAPTURE_NAME);
        capture.start();
        root.addAppender(capture);
        app = new App();
        new TestContextManager(App.class).prepareTestInstance(app);
        appeal = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        app.sql("INSERT INTO appeal (slug, default_language, state, goal, created_at) VALUES (:slug, 'en', 'OPEN', 10, :now)",
                Map.of("slug", appeal, "now", OffsetDateTime.now()));
        app.sql("""
                        INSERT INTO appeal_revision (appeal_id, language, number, title, body, created_at, created_by)
                        SELECT id, 'en', 1, 'Fuzzed appeal', 'Text', :now, 'test' FROM appeal WHERE slug = :slug""",
                Map.of("slug", appeal, "now", OffsetDateTime.now()));
        campaign = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        app.sql("INSERT INTO campaign (slug, starts_on, ends_on, created_at) VALUES (:slug, :starts, :ends, :now)",
                Map.of("slug", campaign, "starts", LocalDate.of(2027, 2, 24), "ends", LocalDate.of(2027, 3, 3), "now", OffsetDateTime.now()));
        app.sql("""
                        INSERT INTO campaign_text (campaign_id, language, name, description)
                        SELECT id, 'en', 'Fuzzed week', 'Text' FROM campaign WHERE slug = :slug""", Map.of("slug", campaign));
    }

    @AfterContainer
    static void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(CAPTURE_NAME);
    }

    // ---- generators

    /** Texts as people and attackers type them. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> nasty = Arbitraries.of("\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u202e", "\u2066", "\u200b",
                "\ud800", "\udc00", "\ufffe", "\uffff", "\ufffd", "😀", "🇺🇦", "ﷺ", "İ", "<b>", "&amp;", "=1+1", "@x",
                "a.b", "x[0]", "\r\n", "\t", "'", "\"", "\\", "%00", "https://example.org", "Олена", "", " ");
        Arbitrary<String> mixed = Arbitraries.oneOf(nasty, Arbitraries.strings().all().ofMaxLength(8),
                        Arbitraries.strings().alpha().ofMaxLength(12))
                .list().ofMaxSize(12).map(parts -> String.join("", parts));
        Arbitrary<String> huge = Arbitraries.of("a", "😀", "ﷺ", "\u202e", "\u0000").flatMap(unit ->
                Arbitraries.of(99, 100, 101, 199, 200, 201, 499, 500, 501, 5_001, 60_000).map(unit::repeat));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mixed),
                net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("INDIVIDUAL", "ORGANIZATION", "FULL_NAME", "HIDDEN", "BE", "UA", "BY",
                        "olena@example.org", "2027-02-25T13:00", "place", "online", "PUBLIC", "true", "-1", "99999999999")));
    }

    /** Parameter names: the forms' own, and indexed or nested variants the binder must never act on. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> own = Arbitraries.of("kind", "name", "email", "country", "city", "display", "comment", "updates",
                "organizationName", "organizationWebsite", "revision", "title", "type", "description", "languages", "start",
                "end", "timezone", "mode", "venue", "address", "latitude", "longitude", "visibility", "onlineUrl", "organizers",
                "organizationCountry", "contactEmail", "accessibility", "speakerRequested", "message", "q", "page", "from", "to");
        return Arbitraries.oneOf(own, own, own.flatMap(n -> Arbitraries.of(n + "[0]", n + "[300]", n + "[-1]", n + ".x",
                n + "[a]", n + "[0].name", n + "]", "class.module", n + "[99999999999]")));
    }

    @Provide
    Arbitrary<Map<String, String>> forms() {
        return Combinators.combine(names(), texts()).as(Map::entry).list().ofMaxSize(8)
                .map(entries -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    entries.forEach(e -> form.put(e.getKey(), e.getValue()));
                    return form;
                });
    }

    /** JSON values of any type, nested up to a few levels, with an occasional absurdly deep one. */
    private Arbitrary<Object> jsonValues(int depth) {
        List<Arbitrary<?>> choices = new ArrayList<>(List.of(texts(), Arbitraries.integers(), Arbitraries.doubles(),
                Arbitraries.of(true, false), Arbitraries.just(null)));
        if (depth > 0) {
            choices.add(jsonValues(depth - 1).list().ofMaxSize(3));
            choices.add(Combinators.combine(names(), jsonValues(depth - 1)).as(AbstractMap.SimpleEntry::new).list().ofMaxSize(3)
                    .map(entries -> {
                        Map<String, Object> object = new LinkedHashMap<>();
                        entries.forEach(e -> object.put(e.getKey(), e.getValue()));
                        return object;
                    }));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<Object> any = (Arbitrary<Object>) (Arbitrary) Arbitraries.oneOf((List) choices);
        return any;
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        Arbitrary<String> object = Combinators.combine(names(), jsonValues(2)).as(AbstractMap.SimpleEntry::new).list().ofMaxSize(10)
                .map(entries -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    entries.forEach(e -> body.put(e.getKey(), e.getValue()));
                    return JSON.writeValueAsString(body);
                });
        Arbitrary<String> deep = Arbitraries.integers().between(100, 3_000).map(n -> "{\"name\":" + "[".repeat(n) + "]".repeat(n) + "}");
        Arbitrary<String> broken = Arbitraries.of("", "{", "[]", "null", "\"text\"", "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u0000\"}",
                "{\"name\":1e999999}", "{\"organization\":\"x\"}", "{\"location\":[1,2]}", "{\"languages\":{\"a\":1}}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, object), net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, broken));
    }

    // ---- properties

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void theSignFormsAnswerEveryInputWithoutA5xx(@ForAll("forms") Map<String, String> fields) {
        Browser browser = new Browser(app.base());
        Browser.Page page = browser.get("/en/appeals/" + appeal);
        assertThat(page.status()).isEqualTo(200);
        for (String form : List.of("#sign-individual", "#sign-organization")) {
            assertNo5xx(browser.submit(page, form, fields), "sign form " + form);
        }
    }

    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    void theEventFormsAnswerEveryInputWithoutA5xx(@ForAll("forms") Map<String, String> fields) {
        Browser browser = new Browser(app.base());
        Browser.Page page = browser.get("/en/events/new?campaign=" + campaign);
        assertThat(page.status()).isEqualTo(200);
        assertNo5xx(browser.submit(page, "form.event-form", fields), "event form");
        // the address request form, as far as binding goes (no event of this id needs to exist)
        assertNo5xx(browser.post("/en/events/1/address-request", fields), "address request form");
    }

    @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
    void theApisAnswerEveryBodyWithoutA5xx(@ForAll("jsonBodies") String body) {
        Browser browser = new Browser(app.base());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertNo5xx(browser.postRaw("/api/v1/appeals/" + appeal + "/signatures", "application/json", bytes), "appeal API");
        assertNo5xx(browser.postRaw("/api/v1/campaigns/" + campaign + "/events", "application/json", bytes), "events API");
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void filtersAndQueryParametersAnswerEveryValueWithoutA5xx(@ForAll("forms") Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value)));
        Browser browser = new Browser(app.base());
        for (String path : List.of("/en/appeals/" + appeal + "/signatories", "/en/appeals/" + appeal + "/countries",
                "/en/appeals/" + appeal + "/revisions", "/api/v1/appeals/" + appeal, "/api/v1/appeals/" + appeal + "/signatories",
                "/en/events", "/en/events/calendar", "/api/v1/campaigns/" + campaign + "/events",
                "/api/v1/campaigns/" + campaign + "/events.geojson", "/en/events/new")) {
            assertNo5xx(browser.get(path + query, "Accept", path.startsWith("/api/") ? "application/json" : "text/html"), path);
        }
        String segment = encode(parameters.values().stream().findFirst().orElse("x"));
        assertNo5xx(browser.get("/en/appeals/" + segment), "a path variable");
        assertNo5xx(browser.get("/api/v1/appeals/" + segment, "Accept", "application/json"), "a path variable of the API");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void assertNo5xx(Browser.Page page, String what) {
        assertThat(page.status()).as("%s answered %s:%n%s", what, page.status(), page.body()).isBetween(200, 499);
        assertThat(LOGGED).as("errors or stack traces logged after %s", what)
                .extracting(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).isEmpty();
    }
}
