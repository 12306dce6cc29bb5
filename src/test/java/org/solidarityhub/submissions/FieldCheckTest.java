package org.solidarityhub.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class FieldCheckTest {

    @Test
    void harmlessAngleBracketsAndAutolinksAreNotMarkup() {
        for (String text : List.of("a < b", "2 < 3 and 5 > 4", "Slava Ukraini <3", "<https://example.org>",
                "See <http://example.org/path?x=1&y=2> for more", "<mailto:info@example.org>", "<info@example.org>",
                "Tom & Jerry", "x <- y", "<< quoted >>", "a <= b")) {
            assertThat(FieldCheck.looksLikeMarkup(text)).as(text).isFalse();
        }
    }

    @Test
    void tagsCommentsDeclarationsAndReferencesAreMarkup() {
        for (String text : List.of("<b>bold</b>", "</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "<!-- hidden -->", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "&#60;script", "&lt;b&gt;", "&amp;",
                "x<y", "<https://example.org><script>", "<javascript:alert(1)>", "javascript:alert(1)", "<SVG onload=x>")) {
            assertThat(FieldCheck.looksLikeMarkup(text)).as(text).isTrue();
        }
    }

    @Test
    void directionOverridesIsolatesAndMarksAreFound() {
        for (char c : new char[]{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
                '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF'}) {
            assertThat(FieldCheck.hasDirectionControl("Olena" + c + "gnp.exe")).as("U+%04X", (int) c).isTrue();
        }
        assertThat(FieldCheck.hasDirectionControl("Олена Коваленко")).isFalse();
        assertThat(FieldCheck.hasDirectionControl("مريم")).isFalse();
        assertThat(FieldCheck.hasDirectionControl("می\u200Cخواهم")).as("a zero-width non-joiner in Persian").isFalse();
        assertThat(FieldCheck.hasDirectionControl("👩\u200D👩\u200D👧")).as("an emoji sequence").isFalse();
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreFoundButLineBreaksAndEmojiAreText() {
        assertThat(FieldCheck.hasControl("a\u0000b")).isTrue();
        assertThat(FieldCheck.hasControl("a\u0085b")).isTrue();
        assertThat(FieldCheck.hasControl("a\uD83D")).isTrue();
        assertThat(FieldCheck.hasControl("\uDE00a")).isTrue();
        assertThat(FieldCheck.hasControl("a\uFFFF")).isTrue();
        assertThat(FieldCheck.hasControl("line\r\nnext\tcolumn 😀")).isFalse();
    }

    @Test
    void namesThatStartLikeFormulasOrCarryWebAddressesAreFound() {
        for (String name : List.of("=1+1", "+380", "-x", "@all")) {
            assertThat(FieldCheck.startsLikeFormula(name)).as(name).isTrue();
        }
        assertThat(FieldCheck.startsLikeFormula("Anne-Marie")).isFalse();
        assertThat(FieldCheck.containsWebAddress("buy at cheap-pills.com")).isTrue();
        assertThat(FieldCheck.containsWebAddress("see https://x.y")).isTrue();
        assertThat(FieldCheck.containsWebAddress("J. R. R. Tolkien")).isFalse();
    }

    @Test
    void webAddressesNeedHttpADottedHostAndNoUserName() {
        assertThat(FieldCheck.isWebAddress("https://example.org/x")).isTrue();
        assertThat(FieldCheck.isWebAddress("javascript:alert(1)")).isFalse();
        assertThat(FieldCheck.isWebAddress("https://localhost")).isFalse();
        assertThat(FieldCheck.isWebAddress("https://user@example.org")).isFalse();
    }

    @Test
    void aTextCheckStopsAtTheFirstProblemAndKeepsTheFirstProblemOfAField() {
        Problems problems = new Problems("demo.error");
        assertThat(problems.text("title", "  <b>x</b>  ").required().maxLength(5).plain().value()).isNull();
        assertThat(problems.text("title", "fine").required().value()).isEqualTo("fine");
        assertThat(problems.text("name", " Olena ").required().maxLength(10).plain().singleLine().name().oneLine().value())
                .isEqualTo("Olena");
        assertThat(problems.text("city", "   ").maxLength(10).value()).isNull();
        problems.text("comment", null).required();
        problems.text("bidi", "Ole\u202Ena").singleLine();
        problems.text("lines", "a\nb").plain().oneLine();
        assertThat(problems.keys()).containsExactly(java.util.Map.entry("title", "demo.error.tooLong"),
                java.util.Map.entry("comment", "demo.error.required"), java.util.Map.entry("bidi", "demo.error.direction"),
                java.util.Map.entry("lines", "demo.error.lines"));
        assertThat(problems.all().get("title").arguments()).containsExactly(5);
    }

    @Test
    void lengthsAreCountedInUtf16UnitsAsTheDatabaseColumnsCountThem() {
        Problems problems = new Problems("demo.error");
        assertThat(problems.text("emoji", "😀".repeat(3)).maxLength(6).value()).isNotNull();
        assertThat(problems.text("more", "😀".repeat(4)).maxLength(6).value()).isNull();
        assertThat(problems.keys()).containsOnlyKeys("more");
    }

    @Test
    void problemsBecomeTextOnlyWithAMessageSourceAndALanguage() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("demo.error.tooLong", Locale.ENGLISH, "at most {0} characters");
        messages.addMessage("demo.error.tooLong", Locale.forLanguageTag("uk"), "щонайбільше {0} символів");
        Problems problems = new Problems("demo.error");
        problems.text("title", "x".repeat(11)).maxLength(10);
        assertThat(problems.texts(messages, Locale.ENGLISH)).containsEntry("title", "at most 10 characters");
        assertThat(problems.texts(messages, Locale.forLanguageTag("uk"))).containsEntry("title", "щонайбільше 10 символів");
    }
}
