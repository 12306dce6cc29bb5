package org.solidarityhub.appeal;

import java.time.Instant;

/** A statement that people sign. Its texts are revisions, one series per language. */
record Appeal(long id, String slug, String defaultLanguage, State state, Integer goal, Instant createdAt) {

    enum State { OPEN, CLOSED }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** A version of the text in one language; signatures record which one the signer saw. */
    record Revision(long id, long appealId, String language, int number, String title, String body, String note,
                    Instant createdAt, String createdBy) {
    }
}
