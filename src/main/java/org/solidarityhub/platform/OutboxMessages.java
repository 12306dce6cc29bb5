package org.solidarityhub.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;

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
 * {@code Auto-Submitted}; a mail of a list also carries the one-click unsubscribe headers of RFC 8058. Its Message-ID is made of the mail's id and content, so a mail sent twice (see
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
        InternetAddress to = new InternetAddress(mail.recipient(), true);
        if (session == null) {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(sentFrom);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setHeader("Auto-Submitted", "auto-generated");
            listHeaders(message, mail);
            message.setSentDate(Date.from(clock.instant()));
            message.saveChanges();
            return message;
        }
        Stamped message = new Stamped(session, mail, sentFrom);
        message.setFrom(sentFrom);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setHeader("Subject", encodedWords(mail.subject()));
        message.setHeader("Auto-Submitted", "auto-generated");
        listHeaders(message, mail);
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        return message;
    }

    /**
     * A mail of a list (an update to supporters) says how to leave it in one click (RFC 8058): mail programs show an
     * "unsubscribe" button that posts {@code List-Unsubscribe=One-Click} to the address, with no page in between.
     */
    private static void listHeaders(MimeMessage message, OutboxStore.Claimed mail) throws MessagingException {
        if (mail.listUnsubscribe() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.listUnsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Precedence", "bulk");
        }
    }

    /**
     * A header text as RFC 2047 encoded words (UTF-8, base64) unless it is plain ASCII, folded so that no line
     * gets long; split between characters, never inside one.
     */
    static String encodedWords(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && text.length() <= 900) {
            return text;
        }
        StringBuilder header = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 45) {
                appendWord(header, chunk);
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(character);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        appendWord(header, chunk);
        return header.toString();
    }

    private static void appendWord(StringBuilder header, CharSequence chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (!header.isEmpty()) {
            header.append("\r\n ");
        }
        header.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8))).append("?=");
    }

    /** The body as it travels: CRLF lines, plain when it is short-lined ASCII, else base64 of its UTF-8. */
    private record Body(String encoding, byte[] bytes) {

        static Body of(String text) {
            String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
            boolean plain = crlf.chars().allMatch(c -> c < 0x7f && (c >= 0x20 || c == '\r' || c == '\n' || c == '\t'))
                    && crlf.lines().allMatch(line -> line.length() <= 998);
            if (plain) {
                return new Body("7bit", crlf.getBytes(StandardCharsets.US_ASCII));
            }
            // canonical CRLF lines, as RFC 2045 wants; the transport ends the last line itself
            return new Body("base64", Base64.getMimeEncoder(76, new byte[]{'\r', '\n'}).encode(crlf.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private InternetAddress from() throws AddressException {
        InternetAddress address = fromAddress;
        if (address == null) {
            address = new InternetAddress(from, true);
            fromAddress = address;
        }
        return address;
    }

    /**
     * A plain-text message whose body is encoded once, when it is built, and written as it is: Jakarta Mail's
     * own path looks up its stream provider with a ServiceLoader for every message it writes (jakartaee/mail-api
     * issue 861), which was most of the sender's time. Its Message-ID comes from the outbox row.
     */
    private static final class Stamped extends MimeMessage {

        private final String messageId;
        private final Body body;

        Stamped(Session session, OutboxStore.Claimed mail, InternetAddress from) {
            super(session);
            String address = from.getAddress();
            String domain = address == null || address.indexOf('@') < 0 ? "localhost" : address.substring(address.indexOf('@') + 1);
            // the content's hash keeps apart the mails of two sites that share a sender address and ids
            int content = java.util.Objects.hash(mail.recipient(), mail.subject(), mail.body());
            this.messageId = "<outbox." + mail.id() + "." + Integer.toHexString(content) + "@" + domain + ">";
            this.body = Body.of(mail.body());
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        @Override
        protected void updateHeaders() throws MessagingException {
            setHeader("MIME-Version", "1.0");
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            setHeader("Content-Transfer-Encoding", body.encoding());
            updateMessageID();
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
            Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
            StringBuilder headers = new StringBuilder(512);
            while (lines.hasMoreElements()) {
                headers.append(lines.nextElement()).append("\r\n");
            }
            headers.append("\r\n");
            out.write(headers.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body.bytes());
            out.flush();
        }
    }

}
