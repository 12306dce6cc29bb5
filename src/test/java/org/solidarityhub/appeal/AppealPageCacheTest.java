package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;

/**
 * The appeal's pages and API in the page cache: 304 while unchanged; once the count batch takes in a signature, every
 * page of the appeal changes at once, as after a new text.
 */
class AppealPageCacheTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    private List<String> pages() {
        return List.of("/en/appeals/" + appeal.slug(), "/en/appeals/" + appeal.slug() + "/signatories",
                "/en/appeals/" + appeal.slug() + "/countries", "/api/v1/appeals/" + appeal.slug(),
                "/api/v1/appeals/" + appeal.slug() + "/signatories");
    }

    @Test
    void aNewCountBatchChangesEveryPageOfTheAppeal() {
        for (int i = 0; i < 5; i++) {
            signAndConfirm(individual("Anna " + i, uniqueEmail("anna"), "FULL_NAME"));
        }
        assertThat(count()).isEqualTo(5); // nothing left for the count job of the tests (every 2 s) to change
        List<Browser.Page> before = pages().stream().map(path -> anotherBrowser().get(path)).toList();
        for (int i = 0; i < pages().size(); i++) {
            assertThat(anotherBrowser().get(pages().get(i), "If-None-Match", before.get(i).header("ETag").orElseThrow()).status())
                    .as("unchanged: %s", pages().get(i)).isEqualTo(304);
        }
        // (a confirmation alone changes no version; the count job of the tests runs every 2 s, so this is not asserted)
        signAndConfirm(individual("Olena", uniqueEmail("olena"), "FULL_NAME"));

        assertThat(count()).isEqualTo(6);

        for (int i = 0; i < pages().size(); i++) {
            String path = pages().get(i);
            Browser.Page after = anotherBrowser().get(path, "If-None-Match", before.get(i).header("ETag").orElseThrow());
            assertThat(after.status()).as(path).isEqualTo(200);
            assertThat(after.header("ETag")).as(path).isNotEqualTo(before.get(i).header("ETag"));
            assertThat(after.header("Last-Modified")).as(path).isPresent();
        }
        assertThat(anotherBrowser().get("/en/appeals/" + appeal.slug() + "/signatories").body()).contains("Olena");
        assertThat(anotherBrowser().get("/api/v1/appeals/" + appeal.slug()).body()).contains("\"total\":6");
    }

    @Test
    void everyPageOfTheAppealIsKeptAndSharedNowThatItsFormsCarryNoToken() {
        for (String path : pages()) {
            Browser.Page first = anotherBrowser().get(path);
            assertThat(first.header("Cache-Control").orElseThrow()).as(path).startsWith("public, ");
            Browser.Page second = anotherBrowser().get(path);
            assertThat(second.header("X-Cache")).as(path).contains("HIT");
            assertThat(second.body()).as(path).isEqualTo(first.body());
        }
    }

    @Test
    void aNewTextOfTheAppealShowsOnTheNextRequest() {
        Browser.Page before = anotherBrowser().get("/en/appeals/" + appeal.slug());
        Browser.Page api = anotherBrowser().get("/api/v1/appeals/" + appeal.slug());

        appeals.revise(appeal.id(), "en", "Peace and justice for Ukraine " + appeal.slug(), "New text.", "clearer", "test");

        Browser.Page after = anotherBrowser().get("/en/appeals/" + appeal.slug(), "If-None-Match", before.header("ETag").orElseThrow());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("h1")).startsWith("Peace and justice for Ukraine");
        assertThat(anotherBrowser().get("/api/v1/appeals/" + appeal.slug()).body())
                .isNotEqualTo(api.body()).contains("Peace and justice for Ukraine");
    }

    @Test
    void theListOfAppealsFollowsEachAppealsVersion() {
        Browser.Page before = anotherBrowser().get("/api/v1/appeals");
        appeals.revise(appeal.id(), "en", "Another title " + appeal.slug(), "Text.", null, "test");
        Browser.Page after = anotherBrowser().get("/api/v1/appeals", "If-None-Match", before.header("ETag").orElseThrow());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("Another title " + appeal.slug());
    }
}
