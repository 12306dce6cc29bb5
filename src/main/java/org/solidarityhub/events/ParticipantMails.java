package org.solidarityhub.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.submissions.EmailedLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails to the participants of an event, each in the participant's language, each ending with a link to leave
 * (a new {@link EmailedLinks} link per mail: only hashes are stored) that is also the mail's one-click
 * {@code List-Unsubscribe} (RFC 8058): the confirmation, the reminder the day before, the exact place of an event
 * whose address is given on request, and the organizers' messages. Times are the event's, with its zone named.
 */
@Component
class ParticipantMails {

    /** The path of leaving: GET shows a button, POST (also a mail program's one-click) leaves. */
    static final String LEAVE_PATH = "/events/going/unsubscribe/";
    static final String CONFIRM_PATH = "/events/going/confirm/";

    private final Outbox outbox;
    private final EmailedLinks links;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final EventsProperties properties;
    private final Countries countries;

    ParticipantMails(Outbox outbox, EmailedLinks links, MessageSource messages, PlatformProperties platform,
                     EventsProperties properties, Countries countries) {
        this.countries = countries;
        this.outbox = outbox;
        this.links = links;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    void confirmation(ParticipantStore.Participant p, StoredEvent event, String confirmToken) {
        Draft draft = event.published().draft();
        send(p, draft, "events.participants.mail.confirm", new Object[]{draft.title()}, new Object[]{p.name(), draft.title(),
                when(draft, p.language()), properties.unconfirmedValidity().toDays(),
                platform.link(p.language(), CONFIRM_PATH + confirmToken)});
    }

    /** The reminder the day before: when (in the event's zone), where (as public), the event's page. */
    void reminder(ParticipantStore.Participant p, StoredEvent event) {
        Draft draft = event.published().draft();
        send(p, draft, "events.participants.mail.reminder", new Object[]{draft.title()}, new Object[]{p.name(), draft.title(),
                when(draft, p.language()), publicPlace(draft, p.language()), page(event, p.language())});
    }

    /** The exact place of an event whose address is given on request. */
    void address(ParticipantStore.Participant p, StoredEvent event) {
        Draft draft = event.published().draft();
        String place = Stream.of(draft.venue(), draft.address(), city(draft, p.language()))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        send(p, draft, "events.participants.mail.address", new Object[]{draft.title()}, new Object[]{p.name(), draft.title(),
                when(draft, p.language()), place, page(event, p.language())});
    }

    /** The organizers' message to every confirmed participant, in one batch (the text as they wrote it). */
    void message(List<ParticipantStore.Participant> recipients, StoredEvent event, String subject, String text) {
        Draft draft = event.published().draft();
        List<EmailedLinks.NewLink> leaveLinks = new ArrayList<>();
        List<Outbox.Message> mails = new ArrayList<>();
        for (ParticipantStore.Participant p : recipients) {
            EmailedLinks.NewLink leave = links.create(Participants.SUBJECT, p.id(), Participants.LEAVE, null, null);
            leaveLinks.add(leave);
            mails.add(mail(p, draft, leave.token(),
                    messages.getMessage("events.participants.mail.message.subject", new Object[]{draft.title(), subject}, p.language()),
                    messages.getMessage("events.participants.mail.message.body",
                            new Object[]{draft.title(), page(event, p.language()), text}, p.language())));
        }
        links.store(leaveLinks);
        outbox.enqueueAll(mails, Outbox.Priority.BULK);
    }

    private void send(ParticipantStore.Participant p, Draft draft, String key, Object[] subjectArgs, Object[] bodyArgs) {
        String token = links.issue(Participants.SUBJECT, p.id(), Participants.LEAVE, null);
        outbox.enqueue(mail(p, draft, token, messages.getMessage(key + ".subject", subjectArgs, p.language()),
                messages.getMessage(key + ".body", bodyArgs, p.language())), Outbox.Priority.TRANSACTIONAL);
    }

    private Outbox.Message mail(ParticipantStore.Participant p, Draft draft, String leaveToken, String subject, String body) {
        String leave = platform.link(p.language(), LEAVE_PATH + leaveToken);
        String footer = messages.getMessage("events.participants.mail.footer", new Object[]{draft.title(), leave}, p.language());
        return new Outbox.Message(p.email(), subject, body + "\n\n-- \n" + footer, leave);
    }

    /** "25 February 2027, 14:00 (Europe/Warsaw)": the local start in the event's zone, which is named. */
    private String when(Draft draft, Locale language) {
        return messages.getMessage("events.participants.mail.when",
                new Object[]{DateTimes.of(language).dateTime(draft.start()), draft.zone().getId()}, language);
    }

    /** The place as the event's page shows it: the venue and address only when public, else the city. */
    private String publicPlace(Draft draft, Locale language) {
        if (draft.online()) {
            return messages.getMessage("events.participants.mail.online", null, language);
        }
        Stream<String> parts = draft.visibility() == Visibility.PUBLIC
                ? Stream.of(draft.venue(), draft.address(), city(draft, language))
                : Stream.of(city(draft, language));
        return parts.filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
    }

    /** "Kraków, Польща": the city and the country's name in the participant's language. */
    private String city(Draft draft, Locale language) {
        String country = draft.country() == null || draft.country().isBlank() ? "" : countries.name(draft.country(), language);
        return Stream.of(draft.city(), country).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
    }

    private String page(StoredEvent event, Locale language) {
        return platform.link(language, "/events/" + event.id());
    }
}
