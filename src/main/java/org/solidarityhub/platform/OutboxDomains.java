package org.solidarityhub.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each recipient domain accepts from this instance, for one sender. A domain with a limit
 * ({@code app.mail.domains[...]}) gets batches of its own, at most {@code connections} at once and at most
 * {@code per-minute} mails in any minute; the rest of the queue flows past it. A domain that answered
 * "try later" (4xx) is left alone for a while (30 s, doubling up to 30 min, until it accepts a mail again).
 * The limits count this instance's mail: with several instances, divide them by the number of instances.
 */
final class OutboxDomains {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(30);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** The right to send up to {@code mails} mails to a limited domain over one connection now. */
    record Permit(String domain, int mails) {
    }

    private record BackOff(Instant until, int refusals) {
    }

    private final Map<String, PlatformProperties.Mail.DomainLimit> limits;
    private final List<String> limited;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, ArrayDeque<Instant>> recent = new HashMap<>();
    private final Map<String, Integer> connections = new HashMap<>();
    private final Map<String, BackOff> backOffs = new ConcurrentHashMap<>();

    OutboxDomains(Map<String, PlatformProperties.Mail.DomainLimit> limits) {
        this.limits = Map.copyOf(limits);
        this.limited = List.copyOf(limits.keySet());
        limited.forEach(domain -> recent.put(domain, new ArrayDeque<>()));
    }

    /** The limited domains, each time starting with the next one, so that none starves the others. */
    List<String> limitedInTurn() {
        if (limited.size() < 2) {
            return limited;
        }
        int start = Math.floorMod(turn.getAndIncrement(), limited.size());
        return java.util.stream.Stream.concat(limited.subList(start, limited.size()).stream(), limited.subList(0, start).stream()).toList();
    }

    /** The domains a batch of the general queue leaves out now: the limited ones and those backing off. */
    Set<String> leftOut(Instant now) {
        if (backOffs.isEmpty()) {
            return limits.keySet();
        }
        Set<String> out = new HashSet<>(limits.keySet());
        backOffs.forEach((domain, backOff) -> {
            if (backOff.until().isAfter(now)) {
                out.add(domain);
            }
        });
        return out;
    }

    boolean backingOff(String domain, Instant now) {
        BackOff backOff = backOffs.isEmpty() ? null : backOffs.get(domain);
        return backOff != null && backOff.until().isAfter(now);
    }

    /** A permit for a limited domain, or null when it has no free connection, no mail left this minute or backs off. */
    synchronized Permit take(String domain, Instant now, int batchSize) {
        PlatformProperties.Mail.DomainLimit limit = limits.get(domain);
        if (limit == null || backingOff(domain, now) || connections.getOrDefault(domain, 0) >= limit.connections()) {
            return null;
        }
        ArrayDeque<Instant> sent = recent.get(domain);
        Instant windowStart = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
            sent.pollFirst();
        }
        int mails = Math.min(batchSize, limit.perMinute() - sent.size());
        if (mails <= 0) {
            return null;
        }
        for (int i = 0; i < mails; i++) {
            sent.addLast(now);
        }
        connections.merge(domain, 1, Integer::sum);
        return new Permit(domain, mails);
    }

    /** Returns a permit of which only {@code used} mails were sent (or tried). */
    synchronized void done(Permit permit, int used) {
        connections.merge(permit.domain(), -1, Integer::sum);
        ArrayDeque<Instant> sent = recent.get(permit.domain());
        for (int i = used; i < permit.mails() && !sent.isEmpty(); i++) {
            sent.pollLast();
        }
    }

    /** A "try later" (4xx) from a domain: leave it alone for a while, longer each time in a row. */
    void refusedForNow(String domain, Instant now) {
        backOffs.compute(domain, (d, previous) -> {
            int refusals = previous == null ? 1 : previous.refusals() + 1;
            Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(refusals - 1, 10));
            return new BackOff(now.plus(wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait), refusals);
        });
    }

    /** The domain accepted a mail: whatever it refused before is forgotten. */
    void accepted(String domain) {
        if (!backOffs.isEmpty()) {
            backOffs.remove(domain);
        }
    }

    /** Until when the domain is left alone, if it is (for tests and the staff page). */
    Instant backingOffUntil(String domain) {
        BackOff backOff = backOffs.get(domain);
        return backOff == null ? null : backOff.until();
    }
}
