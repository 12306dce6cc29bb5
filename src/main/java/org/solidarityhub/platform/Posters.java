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

    /**
     * Fills the model of the poster page and returns its view; {@code pdfPath} is the PDF's path without language
     * prefix ("/events/12/poster.pdf") and {@code pagePath} the page the poster shows ("/events/12").
     */
    public String page(Poster poster, PosterPaper paper, String pagePath, String pdfPath, Model model) {
        model.addAttribute("poster", poster);
        model.addAttribute("paper", paper);
        model.addAttribute("papers", PosterPaper.values());
        model.addAttribute("qrSvg", QrCode.svg(poster.url(), poster.urlText()));
        model.addAttribute("pagePath", pagePath);
        model.addAttribute("pdfPath", pdfPath);
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
