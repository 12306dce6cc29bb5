package org.solidarityhub.staff;

import java.util.List;

import org.solidarityhub.platform.AuditLog;
import org.springframework.stereotype.Service;

/** The audit log as admins page through it: filters cut to the column sizes, pages of {@link #PAGE} entries. */
@Service
class AuditBrowser {

    static final int PAGE = 50;
    private static final int LAST_PAGE = 100_000;

    /** One page of entries, and whether there is a next one. */
    record Page(List<AuditLog.Entry> entries, boolean hasMore, int number) {
    }

    private final AuditLog audit;

    AuditBrowser(AuditLog audit) {
        this.audit = audit;
    }

    /** Entries newest first; {@code action} matches by prefix, blank filters match everything. */
    Page page(String action, String targetType, String targetId, int page) {
        int number = Math.max(0, Math.min(page, LAST_PAGE));
        List<AuditLog.Entry> entries = audit.search(AuditLog.clip(action.strip(), 64), AuditLog.clip(targetType.strip(), 40),
                AuditLog.clip(targetId.strip(), 64), PAGE + 1, number * PAGE);
        return new Page(entries.subList(0, Math.min(entries.size(), PAGE)), entries.size() > PAGE, number);
    }
}
