package org.solidarityhub.appeal;

import java.util.List;
import java.util.function.Consumer;

import org.solidarityhub.platform.MailRecipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the updates to supporters may know of the appeals: which appeals there are, and the signers of one who
 * ticked "send me updates" (confirmed individual signatures with an address), read in batches by id so that a list
 * of any size never sits in memory at once; and a signer who unsubscribed from an update gets no more.
 */
@Component
public class UpdatesAudience {

    /** An appeal to choose on the staff page: its id and title in its default language. */
    public record AppealChoice(long id, String slug, String title) {
    }

    private final JdbcClient db;
    private final Appeals appeals;

    UpdatesAudience(JdbcClient db, Appeals appeals) {
        this.db = db;
        this.appeals = appeals;
    }

    public List<AppealChoice> appeals() {
        return appeals.all().stream().map(a -> new AppealChoice(a.id(), a.slug(), appeals.title(a))).toList();
    }

    public boolean exists(long appealId) {
        return appeals.find(appealId).isPresent();
    }

    /**
     * Hands the opted-in signers of an appeal to {@code batch}, {@code batchSize} at a time, oldest signature first;
     * each batch is read when the previous one was handled.
     */
    public void forEachSigner(long appealId, int batchSize, Consumer<List<MailRecipient>> batch) {
        long after = 0;
        while (true) {
            List<Row> rows = db.sql("""
                            SELECT id, email, language FROM signature
                            WHERE appeal_id = :appeal AND id > :after AND status = 'CONFIRMED' AND updates = TRUE
                              AND email IS NOT NULL
                            ORDER BY id LIMIT :limit""")
                    .param("appeal", appealId).param("after", after).param("limit", batchSize)
                    .query((rs, n) -> new Row(rs.getLong("id"), new MailRecipient(rs.getString("email"), rs.getString("language"))))
                    .list();
            if (rows.isEmpty()) {
                return;
            }
            batch.accept(rows.stream().map(Row::recipient).toList());
            if (rows.size() < batchSize) {
                return;
            }
            after = rows.getLast().id();
        }
    }

    /**
     * A person unsubscribed from the updates (by the hash of their address, {@code submissions.EmailKey}): none of their
     * signatures asks for updates any more.
     *
     * @return how many signatures changed
     */
    public int stopUpdates(String emailKeyHash) {
        return db.sql("UPDATE signature SET updates = FALSE WHERE email_key_hash = :hash AND updates = TRUE")
                .param("hash", emailKeyHash).update();
    }

    private record Row(long id, MailRecipient recipient) {
    }
}
