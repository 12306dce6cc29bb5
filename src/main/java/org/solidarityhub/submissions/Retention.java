package org.solidarityhub.submissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every registered {@link RetentionRule} once an hour, each in a transaction of its own, plus the
 * module's own rule: links that expired. The run holds the ShedLock lock {@code submissions-retention}
 * (through its proxy, called by the scheduler or directly), so when several instances or threads start it at
 * once only one erases and the others skip that run: nothing is erased twice.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final List<RetentionRule> rules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Retention(List<RetentionRule> featureRules, EmailedLinks links, TransactionTemplate transaction, Clock clock) {
        List<RetentionRule> all = new ArrayList<>(featureRules);
        all.add(new RetentionRule("submissions.expired-links", "emailed links past their expiry", Duration.ZERO,
                links::eraseExpired));
        this.rules = List.copyOf(all);
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The rules in force (features' and the module's own). */
    public List<RetentionRule> rules() {
        return rules;
    }

    /** Applies every rule now; a rule that fails is logged (its kind only) and the others still run. */
    @Scheduled(cron = "${submissions.retention-cron:0 23 * * * *}")
    @SchedulerLock(name = "submissions-retention")
    public void run() {
        runAt(clock.instant());
    }

    /** Applies every rule as at {@code now} (a test sees what a later run erases without moving a shared clock). */
    public void runAt(Instant now) {
        for (RetentionRule rule : rules) {
            try {
                Integer erased = transaction.execute(status -> rule.eraser().eraseBefore(now.minus(rule.keptFor())));
                if (erased != null && erased > 0) {
                    log.info("Retention {}: {} erased ({})", rule.name(), erased, rule.what());
                }
            } catch (RuntimeException e) {
                log.warn("Retention {} failed; the next run retries: {}", rule.name(), e.getClass().getSimpleName());
            }
        }
    }
}
