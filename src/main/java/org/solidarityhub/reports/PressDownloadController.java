package org.solidarityhub.reports;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The staff's press ZIP of a campaign's approved media ({@link PressDownload} reads, audits and writes it). */
@RestController
@PreAuthorize("hasRole('MODERATOR') or hasRole('EDITOR')")
class PressDownloadController {

    private final PressDownload press;

    PressDownloadController(PressDownload press) {
        this.press = press;
    }

    @GetMapping("/staff/reports/campaigns/{slug}/media.zip")
    ResponseEntity<StreamingResponseBody> zip(@PathVariable String slug, Locale locale) {
        PressDownload.Prepared prepared = press.prepare(slug, locale);
        StreamingResponseBody body = out -> press.write(out, prepared.items());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + prepared.slug() + "-media.zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
