package org.solidarityhub.reports;

import java.util.List;

import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.staff.WaitingWork;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.ModerationQueue;
import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How reports register their subject, the report, with the submissions module: what is erased when (the senders' IP addresses; reports never confirmed, with their links and
 * media) and what waits for a moderator (new reports, and published ones with an item not yet decided).
 */
@Configuration(proxyBeanMethods = false)
class ReportsSubmissions {

    @Bean
    RetentionRule reportsResumableUploads(org.solidarityhub.media.ResumableUploads uploads) {
        return new RetentionRule("reports.resumable-uploads", "resumable uploads never taken by a report, with their bytes",
                uploads.expiry(), uploads::eraseStartedBefore);
    }

    @Bean
    RetentionRule reportsSenderIps(ReportStore store, ReportsProperties properties) {
        return new RetentionRule("reports.sender-ips", "IP addresses of the senders of reports",
                properties.ipRetention(), store::eraseIps);
    }

    @Bean
    RetentionRule reportsUnconfirmed(ReportStore store, EmailedLinks links, ReportUploads uploads, ReportsProperties properties) {
        return new RetentionRule("reports.unconfirmed", "reports never confirmed, with their links and media",
                properties.confirmationValidity(), cutOff -> {
                    List<Long> ids = store.unconfirmedBefore(cutOff);
                    links.revokeAll(ReportSending.SUBJECT, ids);
                    uploads.discard(store.mediaOf(ids));
                    return store.delete(ids);
                });
    }

    @Bean
    ModerationQueue reportsQueue(ReportStore store) {
        return new ModerationQueue() {
            @Override
            public String titleKey() {
                return "reports.staff.queue.title";
            }

            @Override
            public String staffPage() {
                return "/staff/reports";
            }

            @Override
            public long waiting() {
                return store.waitingCount();
            }

            @Override
            public List<Waiting> oldest(int limit) {
                return store.waiting(limit).stream()
                        .map(r -> new Waiting("#" + r.id() + " · " + r.items().size() + " · " + r.links().size(),
                                "/staff/reports/" + r.id(), r.confirmedAt()))
                        .toList();
            }
        };
    }

    /** What waits for moderators on the staff home: reports sent and confirmed. */
    @Bean
    WaitingWork reportsWaiting(ReportStore store) {
        return () -> List.of(new WaitingWork.Waiting(StaffRole.MODERATOR, "reports.waiting", store.waitingCount(), "/staff/reports"));
    }
}
