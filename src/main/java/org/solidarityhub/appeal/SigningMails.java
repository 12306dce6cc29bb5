package org.solidarityhub.appeal;

import java.util.Locale;

import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts of the mails signing sends: the confirmation (with both links) and the reminder to a repeat signer. */
@Component
class SigningMails {

    private final MessageSource messages;
    private final PlatformProperties platform;
    private final AppealProperties properties;

    SigningMails(MessageSource messages, PlatformProperties platform, AppealProperties properties) {
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    Outbox.Message confirmation(String email, Locale language, String title, String confirmToken, String withdrawToken) {
        return new Outbox.Message(email,
                messages.getMessage("appeal.mail.confirm.subject", new Object[]{title}, language),
                messages.getMessage("appeal.mail.confirm.body", new Object[]{title,
                        platform.link(language, "/appeal/confirm/" + confirmToken), properties.confirmationValidity().toDays(),
                        platform.link(language, "/appeal/withdraw/" + withdrawToken)}, language));
    }

    Outbox.Message reminder(String email, Locale language, String title, String appealSlug, String withdrawToken) {
        return new Outbox.Message(email,
                messages.getMessage("appeal.mail.already.subject", new Object[]{title}, language),
                messages.getMessage("appeal.mail.already.body", new Object[]{title,
                        platform.link(language, "/appeals/" + appealSlug), platform.link(language, "/appeal/withdraw/" + withdrawToken)}, language));
    }
}
