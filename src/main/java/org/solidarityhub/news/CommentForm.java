package org.solidarityhub.news;

import org.jspecify.annotations.Nullable;

/** The comment form: name, email (never shown), the comment, and the comment it answers (a reply), if any. */
record CommentForm(@Nullable String name, @Nullable String email, @Nullable String comment, @Nullable String replyTo) {

    static CommentForm empty() {
        return new CommentForm("", "", "", "");
    }
}
