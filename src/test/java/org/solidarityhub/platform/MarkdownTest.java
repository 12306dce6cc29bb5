package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void rendersEmphasisListsAndLinks() {
        String html = markdown.toHtml("**Peace for Ukraine**\n\n- one\n- two\n\n[Network](https://example.org)");
        assertThat(html).contains("<strong>Peace for Ukraine</strong>").contains("<li>one</li>");
        var link = Jsoup.parse(html).selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://example.org");
        assertThat(link.attr("rel")).isEqualTo("nofollow noopener noreferrer");
        assertThat(link.text()).isEqualTo("Network");
    }

    @Test
    void escapesRawHtmlInsteadOfRenderingIt() {
        String html = markdown.toHtml("<script>alert(1)</script>\n\nhello <img src=x onerror=alert(2)>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void dropsJavascriptAndDataLinks() {
        assertThat(markdown.toHtml("[x](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(markdown.toHtml("[x](JaVaScRiPt:alert(1))")).doesNotContainIgnoringCase("javascript:");
        assertThat(markdown.toHtml("[x](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("data:");
    }

    @Test
    void showsImagesAsLinksSoNothingIsLoadedFromAnotherHost() {
        String html = markdown.toHtml("![a photo](https://tracker.example/pixel.png)");
        assertThat(html).doesNotContain("<img");
        var link = Jsoup.parse(html).selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://tracker.example/pixel.png");
        assertThat(link.text()).isEqualTo("a photo");
    }

    @Test
    void blankTextGivesNoHtml() {
        assertThat(markdown.toHtml(null)).isEmpty();
        assertThat(markdown.toHtml("  \n ")).isEmpty();
    }

    @Test
    void showsImagesOfTheSitesOwnMediaPathOnlyWhenAskedAndEveryOtherImageAsALink() {
        String html = markdown.toHtml("![Rally](/media/abc123.jpg) ![Far](https://tracker.example/x.png) ![Up](/media/../secret)",
                "/media/");
        var doc = Jsoup.parse(html);
        assertThat(doc.select("img")).singleElement().satisfies(img -> {
            assertThat(img.attr("src")).isEqualTo("/media/abc123.jpg");
            assertThat(img.attr("alt")).isEqualTo("Rally");
        });
        assertThat(doc.select("a").eachAttr("href")).contains("https://tracker.example/x.png");
        assertThat(markdown.toHtml("![Rally](/media/abc123.jpg)")).doesNotContain("<img");
    }

    @Test
    void givesTheTextWithoutMarkupForPlainTextMails() {
        assertThat(markdown.toPlainText("# Title\n\nSome **bold** [link](https://example.org).")).contains("Some bold \"link\" (https://example.org)")
                .doesNotContain("**");
    }
}
