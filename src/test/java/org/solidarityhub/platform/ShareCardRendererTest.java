package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The drawing of share cards without the application: every card is a 1200×630 PNG in the campaign's colours,
 * whatever its title (long, Ukrainian, right to left, emoji, one endless word, nothing drawable), fast enough to
 * draw on a request. The cards it draws are written to target/share-cards/ to be looked at.
 */
class ShareCardRendererTest {

    private static final Path OUT = Path.of("target/share-cards");
    private static final Locale UK = Locale.forLanguageTag("uk");

    private final ShareCardRenderer renderer = new ShareCardRenderer();

    private BufferedImage draw(String name, ShareCard card, Locale locale) throws IOException {
        byte[] png = renderer.render(card, "Solidarity Hub", "solidarity.example.org", locale);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as(name + " decodes as PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        return image;
    }

    @Test
    void anAppealCardShowsItsTitleCountAndProgressInTheCampaignsColours() throws IOException {
        BufferedImage image = draw("appeal-en", ShareCard.of("Sign the appeal", "Stand with Ukraine: peace with justice, not a ceasefire on the aggressor's terms")
                .withFigure("1,200+", "signatures").withProgress(12), Locale.ENGLISH);

        assertThat(image.getRGB(5, 5) & 0xffffff).as("blue above").isEqualTo(0x0057b7);
        assertThat(image.getRGB(5, 625) & 0xffffff).as("yellow below").isEqualTo(0xffd700);
    }

    @Test
    void aUkrainianCardRendersCyrillic() throws IOException {
        draw("appeal-uk", ShareCard.of("Підпишіть звернення", "Мир для України: справедливий мир, а не перемир'я на умовах агресора")
                .withFigure("12 000+", "підписів").withProgress(64), UK);
        draw("event-uk", ShareCard.of("Демонстрація", "Марш солідарності з Україною в Брюсселі")
                .withDetails("четвер, 25 лютого 2027 р., 13:00–16:00", "Брюссель, Бельгія"), UK);
    }

    @Test
    void anArabicCardShowsItsArabicTitleNotTheSiteNameInItsPlace() throws IOException {
        Locale arabic = Locale.forLanguageTag("ar");
        BufferedImage card = draw("appeal-ar", ShareCard.of("وقّعوا على النداء", "أوقفوا حرب روسيا العدوانية! السلام لأوكرانيا")
                .withFigure("12,000+", "توقيع").withProgress(64), arabic);
        // a title the font could not show would be left out, and the card would carry the site's name instead
        BufferedImage fallback = draw("appeal-ar-fallback", ShareCard.of("وقّعوا على النداء", "")
                .withFigure("12,000+", "توقيع").withProgress(64), arabic);
        int differing = 0;
        for (int y = 0; y < card.getHeight(); y += 2) {
            for (int x = 0; x < card.getWidth(); x += 2) {
                differing += card.getRGB(x, y) != fallback.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).isGreaterThan(2_000);
    }

    @Test
    void eventsNewsAndFundraisersHaveTheirOwnLines() throws IOException {
        draw("event-en", ShareCard.of("Demonstration", "Rally for Ukraine at the Place du Luxembourg")
                .withDetails("Thursday, 25 February 2027, 13:00–16:00", "Brussels, Belgium"), Locale.ENGLISH);
        draw("event-cancelled", ShareCard.of("Online meeting", "Teach-in: the war and the unions")
                .withDetails("Saturday, 27 February 2027, 18:00–20:00", "Online").withBadge("Cancelled"), Locale.ENGLISH);
        draw("news-en", ShareCard.of("News", "Over a hundred actions in 30 countries on the first day of the week of action")
                .withDetails("1 March 2027"), Locale.ENGLISH);
        draw("fundraiser-en", ShareCard.of("Fundraiser", "Generators for hospitals in Kharkiv")
                .withFigure("€12,400.00", "raised of €20,000.00").withProgress(62), Locale.ENGLISH);
        draw("fundraiser-nogoal", ShareCard.of("Fundraiser", "Winter boots for miners' families")
                .withFigure("€740.00", "raised"), Locale.ENGLISH);
    }

    private BufferedImage drawWithPicture(String name, ShareCard card, Locale locale, BufferedImage picture) throws IOException {
        byte[] png = renderer.render(card, "Solidarity Hub", "solidarity.example.org", locale, picture);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void anEventsPosterFillsTheFarSideAndTheTextsKeepClearOfIt() throws IOException {
        BufferedImage poster = new BufferedImage(600, 900, BufferedImage.TYPE_INT_RGB); // a portrait poster, all red
        java.awt.Graphics2D g = poster.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 600, 900);
        g.dispose();
        ShareCard card = ShareCard.of("Demonstration", "Rally for Ukraine at the Place du Luxembourg with a long title")
                .withDetails("Thursday, 25 February 2027, 13:00–16:00", "Brussels, Belgium").withPicture(7L);
        int panel = ShareCardRenderer.PICTURE_WIDTH;

        BufferedImage english = drawWithPicture("event-en-picture", card, Locale.ENGLISH, poster);
        assertThat(english.getRGB(1200 - panel / 2, 20) & 0xffffff).as("the poster at the top right").isEqualTo(0xff0000);
        assertThat(english.getRGB(1200 - 5, 520) & 0xffffff).as("the poster down to the band").isEqualTo(0xff0000);
        assertThat(english.getRGB(1200 - panel - 10, 300) & 0xffffff).as("the texts' side is not covered").isNotEqualTo(0xff0000);
        assertThat(english.getRGB(5, 625) & 0xffffff).as("the band stays whole").isEqualTo(0xffd700);
        assertThat(english.getRGB(1195, 625) & 0xffffff).as("the band stays whole").isEqualTo(0xffd700);
        assertThat(notRed(english, 1200 - panel, 1200)).as("no text drawn over the poster").isZero();

        BufferedImage arabic = drawWithPicture("event-ar-picture", card, Locale.forLanguageTag("ar"), poster);
        assertThat(arabic.getRGB(panel / 2, 20) & 0xffffff).as("right to left: the poster on the left").isEqualTo(0xff0000);
        assertThat(arabic.getRGB(1200 - panel / 2, 20) & 0xffffff).isNotEqualTo(0xff0000);
        assertThat(notRed(arabic, 0, panel)).as("no text drawn over the poster").isZero();

        byte[] without = renderer.render(card.withPicture(null), "Solidarity Hub", "solidarity.example.org", Locale.ENGLISH);
        assertThat(ImageIO.read(new ByteArrayInputStream(without)).getRGB(1200 - panel / 2, 20) & 0xffffff)
                .as("no picture given: the usual card").isNotEqualTo(0xff0000);
    }

    /** Pixels of the blue field between these columns that are not the poster's red. */
    private static int notRed(BufferedImage image, int from, int to) {
        int count = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < 630 - 96; y++) {
                count += (image.getRGB(x, y) & 0xffffff) == 0xff0000 ? 0 : 1;
            }
        }
        return count;
    }

    @Test
    void oddTitlesStillYieldACard() throws IOException {
        draw("long", ShareCard.of("News", "A very long title ".repeat(30)).withDetails("1 March 2027"), Locale.ENGLISH);
        draw("long-word", ShareCard.of("News", "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt"
                + "ssonderregelungsverordnungsentwurf and more words after it"), Locale.ENGLISH);
        draw("emoji", ShareCard.of("News 🎉", "🇺🇦 Solidarity ✊🏽 forever 💙💛").withDetails("👩‍👩‍👧 Kyiv"), Locale.ENGLISH);
        draw("rtl", ShareCard.of("News", "שלום לאוקראינה — peace for Ukraine").withDetails("1 March 2027"), Locale.ENGLISH);
        draw("rtl-locale", ShareCard.of("חדשות", "שלום לאוקראינה").withFigure("1,200+", "חתימות").withProgress(30),
                Locale.forLanguageTag("he"));
        draw("nothing-drawable", ShareCard.of("🎉", "😀😀😀 السلام عليكم").withDetails("\u0000\u0007"), Locale.ENGLISH);
        draw("blank", new ShareCard("", "", List.of("", " "), "", "", 0, "", null), Locale.ENGLISH);
        draw("controls", ShareCard.of("News", "Line\nbreaks\tand\u202etricks\u202c <b>not html</b>"), Locale.ENGLISH);
    }

    @Test
    void aLongTitleIsWrappedMadeSmallerAndCutWithAnEllipsis() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 44);
        List<String> lines = ShareCardRenderer.wrap("word ".repeat(200), font, frc, 1056, Locale.ENGLISH, 5);

        assertThat(lines).hasSize(5).allSatisfy(line -> assertThat(line).startsWith("word").doesNotEndWith(" "));
        assertThat(ShareCardRenderer.wrap("x".repeat(500), font, frc, 1056, Locale.ENGLISH, 3)).hasSize(3);
    }

    @Test
    void charactersTheFontLacksAreLeftOut() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 20).deriveFont(20f);
        assertThat(ShareCardRenderer.drawable("a\u0000b\n\n c\u200d\u202e!", font)).isEqualTo("a b c!");
        assertThat(ShareCardRenderer.drawable(null, font)).isEmpty();
        assertThat(ShareCardRenderer.drawable("x".repeat(10_000), font)).hasSizeLessThanOrEqualTo(400);
    }

    /** Measured in the processor time of this thread, so that other work on the machine does not count. */
    @Test
    void aCardIsDrawnInWellUnderATenthOfASecond() {
        ShareCard card = ShareCard.of("Sign the appeal", "Stand with Ukraine: peace with justice, not a ceasefire on the aggressor's terms")
                .withFigure("1,200+", "signatures").withProgress(12);
        for (int i = 0; i < 5; i++) {
            renderer.render(card.withBadge("warm-up " + i), "Solidarity Hub", "hub.example", Locale.ENGLISH);
        }
        int runs = 20;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < runs; i++) {
            renderer.render(card.withBadge(String.valueOf(i)), "Solidarity Hub", "hub.example", Locale.ENGLISH);
        }
        long perCardMillis = (threads.getCurrentThreadCpuTime() - start) / runs / 1_000_000;

        assertThat(perCardMillis).as("milliseconds per card").isLessThan(100);
    }

    @Test
    void countsAreRoundedToTwoSignificantDigitsFromAHundredOn() {
        assertThat(ShareCard.roundedCount(0)).isZero();
        assertThat(ShareCard.roundedCount(11)).isEqualTo(11);
        assertThat(ShareCard.roundedCount(99)).isEqualTo(99);
        assertThat(ShareCard.roundedCount(234)).isEqualTo(230);
        assertThat(ShareCard.roundedCount(1_234)).isEqualTo(1_200);
        assertThat(ShareCard.roundedCount(12_999)).isEqualTo(12_000);
        assertThat(ShareCard.roundedCount(1_234_567)).isEqualTo(1_200_000);
    }
}
