package org.solidarityhub.updates;

import java.util.List;
import java.util.Map;

import org.solidarityhub.platform.Outbox;
import org.springframework.stereotype.Component;

/**
 * How far an update has got, for the staff page: recipients materialized and skipped (unsubscribed meanwhile), queued
 * in the outbox, sent and given up there. The outbox erases old mail, so the highest counts seen are kept on the update.
 */
@Component
class UpdateProgress {

    /** The figures of one update. */
    record Figures(UpdateStore.Update update, long recipients, long waitingToQueue, long skipped, long queued, long sent,
                   long failed) {

        public long waiting() {
            return Math.max(0, queued - sent - failed);
        }

        public boolean done() {
            return waitingToQueue == 0 && waiting() == 0 && update.state().equals("QUEUED");
        }
    }

    private final UpdateStore store;
    private final Outbox outbox;

    UpdateProgress(UpdateStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    Figures of(UpdateStore.Update update) {
        Map<String, Long> states = store.states(update.id());
        Outbox.BulkProgress mail = outbox.bulkProgress(update.bulkGroup());
        store.progress(update.id(), mail.sent(), mail.failed());
        long queued = states.getOrDefault("QUEUED", 0L);
        return new Figures(update, update.recipients(), states.getOrDefault("PENDING", 0L), states.getOrDefault("SKIPPED", 0L),
                queued, Math.max(mail.sent(), update.sent()), Math.max(mail.failed(), update.failed()));
    }

    List<Figures> recent(int limit) {
        return store.recent(limit).stream().map(this::of).toList();
    }
}
