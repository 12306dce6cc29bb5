package org.solidarityhub.platform;

import java.time.Clock;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Builds the MIME message of a claimed mail: plain text in UTF-8, from {@code app.mail.from}, marked
 * {@code Auto-Submitted}. Its Message-ID is made of the mail's id and content, so a mail sent twice (see
 * {@link OutboxSender}) is one message to the recipient's mail program.
 */
final class OutboxMessages {

    private final String from;
    private final Clock clock;
    private volatile InternetAddress fromAddress;

    OutboxMessages(String from, Clock clock) {
        this.from = from;
        this.clock = clock;
    }

    MimeMessage build(JavaMailSender sender, OutboxStore.Claimed mail) throws MessagingException {
        InternetAddress sentFrom = from();
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : null;
        MimeMessage message = session != null ? new Stamped(session, mail, sentFrom) : sender.createMimeMessage();
        message.setFrom(sentFrom);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        return message;
    }

    private InternetAddress from() throws AddressException {
        InternetAddress address = fromAddress;
        if (address == null) {
            address = new InternetAddress(from, true);
            fromAddress = address;
        }
        return address;
    }

    /** A message whose Message-ID comes from the outbox row, not from the host name. */
    private static final class Stamped extends MimeMessage {

        private final String messageId;

        Stamped(Session session, OutboxStore.Claimed mail, InternetAddress from) {
            super(session);
            String address = from.getAddress();
            String domain = address == null || address.indexOf('@') < 0 ? "localhost" : address.substring(address.indexOf('@') + 1);
            // the content's hash keeps apart the mails of two sites that share a sender address and ids
            int content = java.util.Objects.hash(mail.recipient(), mail.subject(), mail.body());
            this.messageId = "<outbox." + mail.id() + "." + Integer.toHexString(content) + "@" + domain + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

}
