package org.solidarityhub.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A node that is stopped (SIGTERM) behind a load balancer first says it is not ready and goes on serving for
 * {@code app.shutdown-delay}, long enough for the balancer's readiness checks to see it (HAProxy's shipped
 * {@code inter 2s fall 2}: 4 s) and send no more requests; only then does the web server stop taking connections and
 * finish those in flight (Spring Boot's graceful shutdown). Without the delay the balancer learns of the stop from a
 * refused connection, and requests already on their way over a kept-open connection fail. Zero (the default) for a
 * single node, which has nobody to hand its readers to; docs/deploy.md gives several nodes 6 s.
 */
@Component
class ShutdownDelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDelay.class);

    private final ApplicationContext context;
    private final Duration delay;
    private volatile boolean running;

    ShutdownDelay(ApplicationContext context, PlatformProperties properties) {
        this.context = context;
        this.delay = properties.shutdownDelay();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        log.info("Stopping: readiness is down; serving for {} more before the web server stops", delay);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before every other lifecycle bean, the web server's graceful shutdown first of all. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
