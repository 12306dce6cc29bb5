package org.solidarityhub.platform;

import java.lang.reflect.Method;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection that carries many messages: Spring Boot's {@link JavaMailSenderImpl} gives the session
 * and the server; the transport stays open for a whole batch. Another kind of {@link JavaMailSender} (none
 * today) sends each message on its own.
 */
abstract class OutboxConnection implements AutoCloseable {

    static OutboxConnection open(JavaMailSender sender) throws MessagingException {
        if (sender instanceof JavaMailSenderImpl impl) {
            Transport transport = impl.getSession().getTransport(impl.getProtocol() != null ? impl.getProtocol() : "smtp");
            String username = impl.getUsername() != null && !impl.getUsername().isEmpty() ? impl.getUsername() : null;
            transport.connect(impl.getHost(), impl.getPort(), username, username != null ? impl.getPassword() : null);
            return new Reused(transport);
        }
        return new OneByOne(sender);
    }

    abstract void send(MimeMessage message) throws MessagingException;

    abstract boolean isOpen();

    @Override
    public abstract void close();

    /**
     * The server's reply code in a failure (e.g. 450 "try later", 550 "no such user"), or 0 when there was
     * none (the connection broke). Jakarta Mail's SMTP exceptions carry it; they are reached by name so that
     * the code depends on the API only.
     */
    static int replyCode(Throwable failure) {
        for (Throwable e = failure; e != null; ) {
            try {
                Method code = e.getClass().getMethod("getReturnCode");
                Object value = code.invoke(e);
                if (value instanceof Integer reply && reply > 0) {
                    return reply;
                }
            } catch (ReflectiveOperationException | RuntimeException notSmtp) {
                // not an SMTP reply: look further down
            }
            Throwable next = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
            e = next == e ? null : next;
        }
        return 0;
    }

    private static final class Reused extends OutboxConnection {

        private final Transport transport;

        Reused(Transport transport) {
            this.transport = transport;
        }

        @Override
        void send(MimeMessage message) throws MessagingException {
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        boolean isOpen() {
            return transport.isConnected();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // the mails are sent; a QUIT that fails changes nothing
            }
        }
    }

    private static final class OneByOne extends OutboxConnection {

        private final JavaMailSender sender;

        OneByOne(JavaMailSender sender) {
            this.sender = sender;
        }

        @Override
        void send(MimeMessage message) {
            sender.send(message);
        }

        @Override
        boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
