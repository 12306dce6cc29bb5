package org.solidarityhub.news;

import java.time.Clock;

import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A moderator approves a waiting comment (it appears under its post) or rejects it; both audited. */
@Service
class CommentModeration {

    private final CommentStore comments;
    private final SubmissionLifecycle lifecycle;
    private final NewsVersion version;
    private final AuditLog audit;
    private final Clock clock;

    CommentModeration(CommentStore comments, SubmissionLifecycle lifecycle, NewsVersion version, AuditLog audit, Clock clock) {
        this.comments = comments;
        this.lifecycle = lifecycle;
        this.version = version;
        this.audit = audit;
        this.clock = clock;
    }

    /** Approves or rejects a comment that waits; false when it does not wait (any more). */
    @Transactional
    boolean decide(long commentId, boolean approve) {
        Comment comment = comments.find(commentId).orElse(null);
        if (comment == null || comment.state() != Comment.CommentState.PENDING) {
            return false;
        }
        comments.decide(commentId, approve ? Comment.CommentState.APPROVED : Comment.CommentState.REJECTED, clock.instant());
        audit.record(approve ? "news.comment-approved" : "news.comment-rejected", "news_comment", commentId,
                "post " + comment.postId());
        if (approve) {
            lifecycle.approved(Commenting.SUBJECT, commentId);
            version.changed();
        }
        return true;
    }

    /** Hides an approved comment again (and its replies with it, as they answer it). */
    @Transactional
    boolean hide(long commentId) {
        Comment comment = comments.find(commentId).orElse(null);
        if (comment == null || comment.state() != Comment.CommentState.APPROVED) {
            return false;
        }
        comments.decide(commentId, Comment.CommentState.REJECTED, clock.instant());
        audit.record("news.comment-hidden", "news_comment", commentId, "post " + comment.postId());
        version.changed();
        return true;
    }
}
