package org.solidarityhub.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storing a report whose fields and files were accepted: through an event's management link (the link proves the
 * organizer, so it waits for a moderator at once), or from a campaign page (unconfirmed, with its confirmation
 * mail and the sender's private status link, in the same transaction). Confirming from the mail puts it in the
 * moderation queue. Nothing here logs or audits the email or the IP address.
 */
@Service
class ReportSending {

    static final String SUBJECT = "report";
    static final String CONFIRM = "CONFIRM";
    static final String STATUS = "STATUS";

    /** What a sender gets back: the report's id and, from a campaign page, the token of its status link. */
    record Sent(long id, @Nullable String statusToken) {
    }

    private final ReportStore store;
    private final EmailedLinks links;
    private final SubmissionLifecycle lifecycle;
    private final ReportMails mails;
    private final AuditLog audit;
    private final ReportsProperties properties;
    private final Clock clock;

    ReportSending(ReportStore store, EmailedLinks links, SubmissionLifecycle lifecycle, ReportMails mails, AuditLog audit,
                  ReportsProperties properties, Clock clock) {
        this.store = store;
        this.links = links;
        this.lifecycle = lifecycle;
        this.mails = mails;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Sent forEvent(EventDirectory.EventRef event, ReportRules.Outcome outcome, ReportUploads.Accepted files, Locale language,
                  @Nullable String ip) {
        long id = store.insert(new ReportStore.NewReport(event.campaignId(), event.id(), language.getLanguage(),
                outcome.text(), outcome.attendance(), event.country(), event.type(), ReportState.PENDING, ip,
                clock.instant(), null, outcome.links(), files.items()));
        lifecycle.confirmed(SUBJECT, id);
        audit.record("reports.sent", SUBJECT, id, "through the management link of event " + event.id()
                + "; items=" + files.items().size() + " links=" + outcome.links().size());
        return new Sent(id, null);
    }

    @Transactional
    Sent forCampaign(EventDirectory.CampaignRef campaign, ReportRules.Outcome outcome, ReportUploads.Accepted files,
                     Locale language, @Nullable String ip) {
        Instant now = clock.instant();
        long id = store.insert(new ReportStore.NewReport(campaign.id(), null, language.getLanguage(), outcome.text(),
                outcome.attendance(), outcome.country(), null, ReportState.UNCONFIRMED, ip, now, null, outcome.links(),
                files.items()));
        EmailedLinks.NewLink confirm = links.create(SUBJECT, id, CONFIRM, now.plus(properties.confirmationValidity()), 1);
        EmailedLinks.NewLink status = links.create(SUBJECT, id, STATUS, now.plus(properties.statusValidity()), null);
        links.store(java.util.List.of(confirm, status));
        mails.confirmation(java.util.Objects.requireNonNull(outcome.email()), language, campaign.name(), confirm.token(),
                status.token());
        audit.record("reports.sent", SUBJECT, id, "from the campaign page; items=" + files.items().size()
                + " links=" + outcome.links().size());
        return new Sent(id, status.token());
    }

    /** The report of a confirmation link (GET: shows it, changes nothing). */
    StoredReport toConfirm(String token) {
        return store.find(links.subject(token, SUBJECT, CONFIRM)).orElseThrow(ExpiredLinkException::new);
    }

    /** The sender confirms from the emailed link (counted as its one use): the report waits for a moderator. */
    @Transactional
    StoredReport confirm(String token) {
        long id = links.use(token, SUBJECT, CONFIRM);
        StoredReport report = store.find(id).orElseThrow(ExpiredLinkException::new);
        if (report.state() == ReportState.UNCONFIRMED) {
            store.confirm(id, clock.instant());
            lifecycle.confirmed(SUBJECT, id);
            audit.record("reports.confirmed", SUBJECT, id, null);
        }
        return store.find(id).orElseThrow();
    }

    /** The report of a sender's status link. */
    StoredReport byStatus(String token) {
        return store.find(links.subject(token, SUBJECT, STATUS)).orElseThrow(ExpiredLinkException::new);
    }
}
