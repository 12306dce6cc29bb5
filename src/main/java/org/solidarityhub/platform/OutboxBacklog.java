package org.solidarityhub.platform;

import org.springframework.stereotype.Service;

/**
 * What of the outbox needs an admin's eye, for the staff home: with a mail server, the mails stuck (could be sent
 * and waited longer than {@code app.mail.stuck-after}, as the health check counts them); without one, the mails
 * that wait to be read at {@code /staff/outbox}.
 */
@Service
public class OutboxBacklog {

    /** Whether a mail server is set up, how many mails wait unsent, how many of them are stuck. */
    public record Backlog(boolean smtp, long unsent, long stuck) {
    }

    private final OutboxHealth health;

    OutboxBacklog(OutboxHealth health) {
        this.health = health;
    }

    public Backlog now() {
        OutboxHealth.State state = health.state();
        return new Backlog(state.smtp(), state.waiting(), state.smtp() && state.waiting() > 0 ? health.stuckCount() : 0);
    }
}
