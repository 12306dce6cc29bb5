package org.solidarityhub.updates;

import java.util.Locale;

import org.solidarityhub.news.NewsPosts;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of this feature, in the recipient's language: the confirmation of a subscription (transactional), and
 * an update: the post's title as subject, its plain text, a link to its page, why the mail came and the one-click
 * unsubscribe link, whose token differs per recipient and is put between {@link Text#head} and {@link Text#tail}.
 */
@Component
class UpdateMails {

    /** The path of the one-click unsubscribe (RFC 8058): GET shows a button, POST unsubscribes. */
    static final String UNSUBSCRIBE = "/news/unsubscribe/";

    /** An update's mail in one language, around the recipient's unsubscribe token. */
    record Text(String language, String subject, String head, String tail, String unsubscribeBase) {

        String body(String token) {
            return head + token + tail;
        }
    }

    private final Outbox outbox;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final UpdatesProperties properties;

    UpdateMails(Outbox outbox, MessageSource messages, PlatformProperties platform, UpdatesProperties properties) {
        this.outbox = outbox;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    void confirmation(String email, Locale language, String token) {
        outbox.enqueue(email, messages.getMessage("updates.mail.confirm.subject", null, language),
                messages.getMessage("updates.mail.confirm.body", new Object[]{
                        platform.link(language, "/news/subscribe/confirm/" + token), properties.confirmationValidity().toDays()},
                        language));
    }

    /** The mail of a post in one of its languages. */
    Text text(NewsPosts.PostForUpdate post, String language) {
        NewsPosts.Text t = post.textFor(language);
        Locale locale = Locale.forLanguageTag(t.language());
        String unsubscribe = platform.link(locale, UNSUBSCRIBE);
        String subject = t.title().replaceAll("[\\r\\n]+", " ").strip();
        if (subject.length() > 300) {
            subject = subject.substring(0, 299).strip() + "…";
        }
        String head = t.title() + "\n\n" + t.plainText().strip() + "\n\n"
                + messages.getMessage("updates.mail.readOnline", new Object[]{platform.link(locale, post.path())}, locale)
                + "\n\n-- \n" + messages.getMessage("updates.mail.why", null, locale) + "\n"
                + messages.getMessage("updates.mail.unsubscribe", null, locale) + " " + unsubscribe;
        return new Text(t.language(), subject, head, "\n", unsubscribe);
    }
}
