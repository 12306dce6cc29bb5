package org.solidarityhub.submissions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a feature erases, and when: registered as a bean, run by {@link Retention}'s scheduled job.
 *
 * @param name    a short stable name (for the log line of a run)
 * @param what    what is erased, in words, for the docs and the log
 * @param keptFor how long it is kept; the rule erases what is older than now minus this
 * @param eraser  erases what is older than the cut-off and returns how many rows it erased
 */
public record RetentionRule(String name, String what, Duration keptFor, Eraser eraser) {

    /** Erases what is older than the cut-off, in the transaction of its rule; returns how much it erased. */
    @FunctionalInterface
    public interface Eraser {
        int eraseBefore(Instant cutOff);
    }

    public RetentionRule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(what);
        if (keptFor.isNegative()) {
            throw new IllegalArgumentException("a retention rule keeps things for zero time or more");
        }
        Objects.requireNonNull(eraser);
    }
}
