package org.solidarityhub.updates;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.Csv;
import org.solidarityhub.platform.StaffActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The confirmed subscribers as CSV, for admins only (addresses are personal data): written in pages as it is read,
 * formulas defused ({@link Csv}), every export audited (without addresses).
 */
@Controller
class SubscriberExportController {

    private static final List<String> HEADER = List.of("email", "language", "subscribed_at", "confirmed_at");

    private final SubscriberStore subscribers;
    private final AuditLog audit;

    SubscriberExportController(SubscriberStore subscribers, AuditLog audit) {
        this.subscribers = subscribers;
        this.audit = audit;
    }

    @GetMapping("/staff/news/subscribers.csv")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal StaffActor me) {
        audit.record(me, "updates.subscribers.exported", "news-subscriber", "all", null);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("\uFEFF");
            writer.write(Csv.row(HEADER));
            subscribers.forEachConfirmed(1_000, batch -> {
                try {
                    for (SubscriberStore.Subscriber s : batch) {
                        writer.write(Csv.row(Arrays.asList(s.email(), s.language(), s.createdAt(), s.confirmedAt())));
                    }
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"news-subscribers.csv\"")
                .body(body);
    }
}
