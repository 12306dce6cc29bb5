package org.solidarityhub.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a free port, shared by every Spring context
 * so that cached contexts never fight over a port.
 */
public final class TestMailServer {

    private static final GreenMail SERVER;

    static {
        SERVER = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private TestMailServer() {
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** Mails received for one address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits until at least {@code count} mails reached the address; returns them, oldest first. */
    public static List<MimeMessage> await(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> mails = to(address);
        while (mails.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            mails = to(address);
        }
        if (mails.size() < count) {
            throw new AssertionError("expected " + count + " mail(s) to " + address + " within " + timeout + ", got " + mails.size());
        }
        return mails;
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError("unreadable subject", e);
        }
    }

    /** The text of a mail as its reader sees it: decoded from its transfer encoding (base64 once it holds a "€"). */
    public static String body(MimeMessage message) {
        try {
            if (message.getContent() instanceof String text) {
                return text.replace("\r\n", "\n");
            }
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError("unreadable body", e);
        }
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
    }

    /** The first value of a header of a mail (null without one), e.g. List-Unsubscribe. */
    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new AssertionError("unreadable header", e);
        }
    }

    /** The first link in a mail that starts with the given prefix. */
    public static String link(MimeMessage message, String prefix) {
        String body = body(message);
        int start = body.indexOf(prefix);
        if (start < 0) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + body);
        }
        int end = start;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
            end++;
        }
        return body.substring(start, end);
    }
}
