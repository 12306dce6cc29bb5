package org.solidarityhub.reports;

import java.util.Locale;

import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mail to a sender from a campaign page, in the language of the form: the link to confirm and the status link. */
@Component
class ReportMails {

    private final Outbox outbox;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final ReportsProperties properties;

    ReportMails(Outbox outbox, MessageSource messages, PlatformProperties platform, ReportsProperties properties) {
        this.outbox = outbox;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    void confirmation(String email, Locale language, String campaignName, String confirmToken, String statusToken) {
        outbox.enqueue(email, messages.getMessage("reports.mail.confirm.subject", new Object[]{campaignName}, language),
                messages.getMessage("reports.mail.confirm.body", new Object[]{campaignName,
                        platform.link(language, "/reports/confirm/" + confirmToken), properties.confirmationValidity().toDays(),
                        platform.link(language, "/reports/status/" + statusToken)}, language));
    }
}
