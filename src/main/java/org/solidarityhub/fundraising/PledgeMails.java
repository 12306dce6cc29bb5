package org.solidarityhub.fundraising;

import java.util.Locale;

import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mails to a pledger, in the language of their form: the link to confirm, and the thanks when the money arrived. */
@Component
class PledgeMails {

    private final Outbox outbox;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final FundraisingProperties properties;

    PledgeMails(Outbox outbox, MessageSource messages, PlatformProperties platform, FundraisingProperties properties) {
        this.outbox = outbox;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    void confirmation(String email, Locale language, Fundraiser fundraiser, Money amount, String token) {
        outbox.enqueue(email, messages.getMessage("fundraising.pledge.mail.confirm.subject", new Object[]{fundraiser.title()}, language),
                messages.getMessage("fundraising.pledge.mail.confirm.body", new Object[]{fundraiser.title(),
                        amount.format(language), platform.link(language, "/fundraisers/pledges/confirm/" + token),
                        properties.pledgeConfirmation().toDays()}, language));
    }

    void received(String email, Locale language, Fundraiser fundraiser, Money amount) {
        outbox.enqueue(email, messages.getMessage("fundraising.pledge.mail.received.subject", new Object[]{fundraiser.title()}, language),
                messages.getMessage("fundraising.pledge.mail.received.body", new Object[]{fundraiser.title(),
                        amount.format(language), platform.link(language, "/fundraisers/" + fundraiser.slug())}, language));
    }
}
