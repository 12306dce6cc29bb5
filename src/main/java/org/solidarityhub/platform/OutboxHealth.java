package org.solidarityhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The sender's health: how much mail waits, how long the oldest has waited, what went wrong last. As the
 * actuator's {@code outbox} contributor it turns DOWN when mail that could be sent has waited longer than
 * {@code app.mail.stuck-after} (the server is away, or the senders stopped); mail waiting out a back-off after
 * a refusal does not count. Without SMTP, mail waits for admins to read it, which is not a fault.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

    /** What the staff page shows. */
    record State(boolean smtp, long waiting, Duration oldestWaiting, boolean stuck, OutboxSender.LastError lastError,
                 Duration paused) {
    }

    private final OutboxStore store;
    private final OutboxSender sender;
    private final Clock clock;
    private final Duration stuckAfter;

    OutboxHealth(OutboxStore store, OutboxSender sender, Clock clock, PlatformProperties properties) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.stuckAfter = properties.mail().stuckAfter();
    }

    State state() {
        Instant now = clock.instant();
        OutboxStore.Queue queue = store.queue(now);
        boolean smtp = sender.smtpConfigured();
        Duration oldest = queue.oldestWaiting() == null ? Duration.ZERO : Duration.between(queue.oldestWaiting(), now);
        boolean stuck = smtp && queue.oldestStuck() != null && Duration.between(queue.oldestStuck(), now).compareTo(stuckAfter) > 0;
        return new State(smtp, queue.waiting(), oldest.isNegative() ? Duration.ZERO : oldest, stuck, sender.lastError(), sender.paused());
    }

    /** How many mails are stuck: could be sent and were queued longer than {@code app.mail.stuck-after} ago. */
    long stuckCount() {
        Instant now = clock.instant();
        return store.stuckCount(now, now.minus(stuckAfter));
    }

    @Override
    public Health health() {
        State state = state();
        Health.Builder health = state.stuck() ? Health.down() : Health.up();
        health.withDetail("smtp", state.smtp())
                .withDetail("waiting", state.waiting())
                .withDetail("oldestWaitingSeconds", state.oldestWaiting().toSeconds());
        if (state.lastError() != null) {
            health.withDetail("lastError", state.lastError().kind().name()).withDetail("lastErrorAt", state.lastError().at().toString());
        }
        return health.build();
    }
}
