package org.solidarityhub.events;

import java.util.Locale;

import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails to an event's submitter, in the language of their form: the confirmation with the management
 * link, and the moderators' decisions. Each is put into the outbox in the transaction of its step.
 */
@Component
class EventMails {

    private final Outbox outbox;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final EventsProperties properties;

    EventMails(Outbox outbox, MessageSource messages, PlatformProperties platform, EventsProperties properties) {
        this.outbox = outbox;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    void confirmation(String email, Locale language, String title, String manageToken) {
        send(email, "events.mail.confirm", language, new Object[]{title},
                new Object[]{title, platform.link(language, "/events/manage/" + manageToken), properties.unconfirmedValidity().toDays()});
    }

    /** Approved: a new event ({@code change} false) or a change to a published one. */
    void approved(String email, Locale language, String title, long eventId, boolean change) {
        send(email, change ? "events.mail.changeApproved" : "events.mail.approved", language, new Object[]{title},
                new Object[]{title, platform.link(language, "/events/" + eventId)});
    }

    /** Rejected, with the moderator's reason. */
    void rejected(String email, Locale language, String title, String reason, boolean change) {
        send(email, change ? "events.mail.changeRejected" : "events.mail.rejected", language, new Object[]{title},
                new Object[]{title, reason});
    }

    /** One event of a "my events" mail: its title, local start and its new management link's token. */
    record ManagementLink(String title, java.time.LocalDateTime startsLocal, java.time.ZoneId zone, String token) {
    }

    /** "My events": one mail with the management links of all the events of an address. */
    void managementLinks(String email, Locale language, java.util.List<ManagementLink> links) {
        DateTimes dates = DateTimes.of(language);
        StringBuilder list = new StringBuilder();
        for (ManagementLink link : links) {
            list.append(list.isEmpty() ? "" : "\n\n").append(link.title()).append("\n")
                    .append(dates.dateTime(link.startsLocal())).append(" (").append(link.zone().getId()).append(")\n")
                    .append(platform.link(language, "/events/manage/" + link.token()));
        }
        send(email, "events.mine.mail", language, new Object[0], new Object[]{list.toString()});
    }

    private void send(String email, String key, Locale language, Object[] subjectArgs, Object[] bodyArgs) {
        outbox.enqueue(email, messages.getMessage(key + ".subject", subjectArgs, language),
                messages.getMessage(key + ".body", bodyArgs, language));
    }
}
