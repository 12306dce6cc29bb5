package org.solidarityhub.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A tiny SMTP server for the tests that GreenMail cannot serve: it answers RCPT for some domains with a
 * scripted reply ("450 try later", "550 no such user"), accepts the rest, and remembers on which connection
 * each message arrived.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** One accepted message: the connection it came on, its recipient and its Message-ID. */
    record Received(int connection, String recipient, String messageId) {
    }

    private final ServerSocket socket;
    private final Map<String, String> replies;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<Socket, Boolean> open = new ConcurrentHashMap<>();

    /** @param replies the RCPT reply per recipient domain, e.g. {@code "soft.test" -> "450 4.7.0 try later"} */
    FakeSmtpServer(Map<String, String> replies) throws IOException {
        this.replies = Map.copyOf(replies);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> to(String recipient) {
        return received.stream().filter(r -> r.recipient().equalsIgnoreCase(recipient)).toList();
    }

    /** A mail sender for this server, as Spring Boot would configure one. */
    JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return sender;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                int number = connections.incrementAndGet();
                open.put(client, true);
                Thread session = new Thread(() -> serve(client, number), "fake-smtp-" + number);
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, int connection) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake.test ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-fake.test\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("MAIL FROM") || command.startsWith("RSET")
                        || command.startsWith("NOOP")) {
                    recipient = command.startsWith("RSET") ? null : recipient;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    String answer = replies.getOrDefault(address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT), "250 OK");
                    recipient = answer.startsWith("250") ? address : null;
                    reply(out, answer);
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    String messageId = null;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = line.substring(11).strip();
                        }
                    }
                    received.add(new Received(connection, recipient, messageId));
                    reply(out, "250 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not here");
                }
            }
        } catch (IOException gone) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Closes every open connection, as a server does with connections that idled too long. */
    void dropConnections() throws IOException {
        for (Socket client : open.keySet()) {
            client.close();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : open.keySet()) {
            client.close();
        }
    }
}
