package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.PosterFiles;

/** The poster's PDF on its own: paper sizes, text that fits, the embedded font, and a QR code that reads back. */
class PosterPdfTest {

    static Poster poster(String language, String title, String url) {
        return new Poster(language, "Global week of action for Ukraine 2027 · Demonstration", title,
                "Stop the Russian war of aggression! Peace for Ukraine!", null,
                List.of(new Poster.Fact("When", "Thursday, 25 February 2027, 13:00–16:00", "Europe/Brussels, UTC+01:00"),
                        new Poster.Fact("Where", "Place Schuman, Rue de la Loi 170, Brussels, Belgium", null),
                        new Poster.Fact("Organized by", "Promote Ukraine", null)),
                "Scan the code for the details and to add the event to your calendar", url, "Solidarity Hub", "poster-event-1");
    }

    @Test
    void anA4PosterIsOnePageOfA4WithItsTitleInAnEmbeddedFontAndAQrCodeThatReadsBackTheAddress() {
        String url = "https://hub.example.org/en/events/1";
        PosterFiles.Pdf pdf = PosterFiles.read(PosterPdf.render(poster("en", "Rally for a just peace in Ukraine", url), PosterPaper.A4));

        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.size().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(pdf.size().getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains("Rally for a just peace in Ukraine", "Place Schuman", "hub.example.org/en/events/1");
        assertThat(pdf.fonts()).isEqualTo(2); // DejaVu Sans, regular and bold
        assertThat(pdf.fontsEmbedded()).isTrue();
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo(url);
        PosterFiles.keep(pdf.picture(), "unit-a4-en");
    }

    @Test
    void aLetterPosterInUkrainianShowsCyrillicAndALongTitleWrappedAndMadeSmallerToFit() {
        String title = "Міжнародний тиждень дій солідарності з Україною: концерт, виставка і збір коштів на допомогу "
                + "постраждалим від війни у Харкові, Запоріжжі, Херсоні та по всій країні";
        String url = "https://hub.example.org/uk/events/22";
        PosterFiles.Pdf pdf = PosterFiles.read(PosterPdf.render(poster("uk", title, url), PosterPaper.LETTER));

        assertThat(pdf.size().getWidth()).isEqualTo(612f);
        assertThat(pdf.size().getHeight()).isEqualTo(792f);
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains(title);
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo(url);
        PosterFiles.keep(pdf.picture(), "unit-letter-uk");
    }

    @Test
    void aTitleFarTooLongForThePageIsCutWithAnEllipsisAndCharactersWithoutAGlyphAreLeftOut() {
        String title = "Peace ✊ 和平 " + "solidarity ".repeat(80);
        PosterFiles.Pdf pdf = PosterFiles.read(PosterPdf.render(poster("en", title, "https://hub.example.org/en/events/3"),
                PosterPaper.A4));

        assertThat(pdf.text()).contains("Peace solidarity", "…").doesNotContain("和平");
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo("https://hub.example.org/en/events/3");
        PosterFiles.keep(pdf.picture(), "unit-a4-too-long");
    }

    @Test
    void anArabicPosterShowsItsLettersJoinedInTheirDrawingOrder() {
        String title = "أوقفوا حرب روسيا العدوانية! السلام لأوكرانيا";
        String url = "https://hub.example.org/ar/events/5";
        PosterFiles.Pdf pdf = PosterFiles.read(PosterPdf.render(poster("ar", title, url), PosterPaper.A4));

        String letters = java.text.Normalizer.normalize(pdf.text(), java.text.Normalizer.Form.NFKC);
        assertThat(letters.contains("روسيا") || letters.contains(new StringBuilder("روسيا").reverse())).as(letters).isTrue();
        assertThat(PosterFiles.qr(pdf.picture())).isEqualTo(url);
        PosterFiles.keep(pdf.picture(), "unit-a4-ar");
    }

    @Test
    void arabicIsDrawnInItsJoinedFormsFromRightToLeftWithLatinRunsKeptInTheirOrder() {
        // سلام: its four letters joined (final, medial and initial forms), drawn from the right: the last letter first
        assertThat(PosterPdf.visual("سلام", true)).isEqualTo("\uFEE1\uFEFC\uFEB3")
                .doesNotContain("س");
        assertThat(PosterPdf.visual("سلام Kyiv 2027", true)).endsWith("ﺳ").startsWith("Kyiv 2027 ").isNotEqualTo("سلام Kyiv 2027");
        assertThat(PosterPdf.visual("Peace for Ukraine", true)).isEqualTo("Peace for Ukraine");
    }

    @Test
    void aPaperOtherThanA4OrLetterIsRefusedAsBadInput() {
        assertThat(PosterPaper.parse(null)).isEqualTo(PosterPaper.A4);
        assertThat(PosterPaper.parse("")).isEqualTo(PosterPaper.A4);
        assertThat(PosterPaper.parse(" LETTER ")).isEqualTo(PosterPaper.LETTER);
        assertThatThrownBy(() -> PosterPaper.parse("a3")).isInstanceOf(BadInputException.class)
                .extracting(e -> ((BadInputException) e).reasonKey()).isEqualTo("poster.error.paper");
    }

    @Test
    void theQrCodeOfAPageAndOfThePdfIsOneAndTheSameCode() {
        QrCode qr = QrCode.of("https://hub.example.org/en/appeals/x");
        String svg = qr.svg("hub.example.org/en/appeals/x");
        assertThat(svg).contains("viewBox=\"0 0 " + qr.size() + " " + qr.size() + "\"");
        assertThat(qr.dark(QrCode.MARGIN, QrCode.MARGIN)).as("the finder pattern's corner").isTrue();
        assertThat(qr.dark(0, 0)).as("the quiet zone").isFalse();
    }
}
