package org.solidarityhub.appeal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The CSV download of an appeal's confirmed signatures, for moderators. */
@Controller
class SignatureExportController {

    private final Appeals appeals;
    private final SignatureExport export;

    SignatureExportController(Appeals appeals, SignatureExport export) {
        this.appeals = appeals;
        this.export = export;
    }

    @GetMapping("/staff/appeals/{id}/export.csv")
    @PreAuthorize("hasRole('MODERATOR')")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        Appeal appeal = appeals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + SignatureExport.fileName(appeal) + "\"")
                .body(export.csv(id));
    }
}
