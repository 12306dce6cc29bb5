package org.solidarityhub.news;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A reader's comment as the pages and moderators see it: never its address. */
record Comment(long id, long postId, @Nullable Long parentId, String language, String name, String body, CommentState state,
               Instant createdAt, @Nullable Instant confirmedAt) {

    enum CommentState {
        /** A first-time address's comment whose emailed link is not used yet. */
        UNCONFIRMED,
        /** Waits for a moderator. */
        PENDING,
        APPROVED,
        REJECTED
    }
}
