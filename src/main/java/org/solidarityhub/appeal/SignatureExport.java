package org.solidarityhub.appeal;

import org.solidarityhub.platform.Csv;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.Csv;
import org.springframework.stereotype.Service;

/**
 * The confirmed signatures of an appeal as a CSV file for moderators, oldest first. Emails are in it only of
 * signers who asked for updates; every export is audited.
 */
@Service
class SignatureExport {

    private static final List<String> HEADER = List.of("id", "kind", "name", "organization", "website", "country", "city",
            "display", "comment", "comment_status", "updates", "email_for_updates", "confirmed_at");

    private final StaffSignatures signatures;
    private final AuditLog audit;

    SignatureExport(StaffSignatures signatures, AuditLog audit) {
        this.signatures = signatures;
        this.audit = audit;
    }

    /** The file's name for an appeal. */
    static String fileName(Appeal appeal) {
        return appeal.slug() + "-signatures.csv";
    }

    /** The file, UTF-8 with a byte order mark (so spreadsheets read it as UTF-8). */
    byte[] csv(long appealId) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(Csv.row(HEADER));
        for (StaffSignatures.StaffView s : signatures.confirmed(appealId)) {
            csv.append(Csv.row(Arrays.asList(s.id(), s.kind(), s.name(), s.organizationName(), s.website(), s.country(),
                    s.city(), s.display(), s.comment(), s.commentStatus(), s.updates(), s.updates() ? s.email() : null,
                    s.confirmedAt())));
        }
        audit.record("appeal.exported", "appeal", appealId, null);
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
