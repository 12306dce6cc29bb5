package org.solidarityhub.platform;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The printable posters of public pages (docs/posters.md): a feature builds a {@link Poster} of what its page shows
 * in public and answers it here as a page to print (template {@code platform/poster}, print.css) or as a PDF. The QR
 * code is made on the server, in both, by {@link QrCode}.
 */
@Component
public class Posters {

    /** The paper of {@code ?paper=}: A4 when absent, 400 with a message in the reader's language when unknown. */
    public PosterPaper paper(String value) {
        return PosterPaper.parse(value);
    }

    /** A paper the reader may choose: the poster page and the PDF on it (paths without language prefix). */
    public record PaperChoice(PosterPaper paper, String pageHref, String pdfHref, boolean current) {
    }

    /**
     * Fills the model of the poster page and returns its view. {@code pagePath} is the page the poster shows, without
     * language prefix ("/events/12"); its poster is at {@code pagePath + "/poster"}, the PDF at {@code ".../poster.pdf"}.
     */
    public String page(Poster poster, PosterPaper paper, String pagePath, Model model) {
        model.addAttribute("poster", poster);
        model.addAttribute("paper", paper);
        model.addAttribute("papers", java.util.Arrays.stream(PosterPaper.values()).map(p -> {
            String query = p == PosterPaper.A4 ? "" : "?paper=" + p.parameter();
            return new PaperChoice(p, pagePath + "/poster" + query, pagePath + "/poster.pdf" + query, p == paper);
        }).toList());
        model.addAttribute("qrSvg", QrCode.svg(poster.url(), poster.urlText()));
        model.addAttribute("pagePath", pagePath);
        return "platform/poster";
    }

    /** The poster as a PDF, shown in the browser (it may be saved under its file name). */
    public ResponseEntity<byte[]> pdf(Poster poster, PosterPaper paper) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(poster.fileName() + "-" + paper.parameter() + ".pdf").build().toString())
                .body(PosterPdf.render(poster, paper));
    }
}
