package org.solidarityhub.news;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.EmailKey;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.Guard;
import org.solidarityhub.submissions.Problems;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's comment: checked, then stored. The first comment of an address waits for its emailed link (the address
 * is kept only until then); a comment from an address that confirmed before goes straight to the moderators. The
 * sender sees the same answer either way, so the form tells nobody whether an address commented before.
 */
@Service
class Commenting {

    static final String SUBJECT = "news-comment";
    static final String CONFIRM = "CONFIRM";
    static final int NAME_LIMIT = 80;
    static final int COMMENT_LIMIT = 5000;

    /** The outcome of a form: its problems, or the stored comment. */
    record Outcome(Problems problems, @Nullable Long commentId) {
    }

    private final CommentStore comments;
    private final EmailedLinks links;
    private final Guard guard;
    private final Guard.Policy policy;
    private final SubmissionLifecycle lifecycle;
    private final Outbox outbox;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final NewsProperties properties;
    private final Clock clock;

    Commenting(CommentStore comments, EmailedLinks links, Guard guard, SubmissionLifecycle lifecycle, Outbox outbox,
               MessageSource messages, PlatformProperties platform, NewsProperties properties, Clock clock) {
        this.comments = comments;
        this.links = links;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
        this.clock = clock;
        this.policy = Guard.Policy.refuse(new RateLimits.Limit("news-comments",
                RateLimits.Limit.per(properties.commentsPer10Minutes(), Duration.ofMinutes(10)),
                RateLimits.Limit.per(properties.commentsPerDay(), Duration.ofDays(1))), "news.error.rateLimited");
    }

    /** Before the input is looked at: 429 over the limit. */
    void check(@Nullable String address) {
        guard.check(policy, address);
    }

    @Transactional
    Outcome submit(Post post, CommentForm form, Locale language, @Nullable String address) {
        Problems p = new Problems("news.error");
        if (post.commentsClosed() || !post.published()) {
            p.add("comment", "closed");
            return new Outcome(p, null);
        }
        String name = p.text("name", form.name()).required().maxLength(NAME_LIMIT).noControl().singleLine().oneLine()
                .plain().name().value();
        String email = p.text("email", form.email()).required().maxLength(EmailAddresses.MAX_LENGTH).value();
        if (email != null && !EmailAddresses.isValid(email)) {
            p.add("email", "email");
            email = null;
        }
        String body = p.text("comment", form.comment()).required().maxLength(COMMENT_LIMIT).noControl().plain().value();
        Long parent = replyTo(post, form.replyTo(), p);
        if (!p.isEmpty() || name == null || email == null || body == null) {
            return new Outcome(p, null);
        }
        guard.count(policy, address);
        String key = EmailKey.hash(email);
        var now = clock.instant();
        boolean known = comments.confirmedAddress(key);
        long id = comments.insert(post.id(), parent, language.getLanguage(), name.strip(), known ? null : email.strip(), key,
                body.strip(), known ? Comment.CommentState.PENDING : Comment.CommentState.UNCONFIRMED, now);
        if (known) {
            comments.remember(key, now);
            lifecycle.confirmed(SUBJECT, id);
        } else {
            String token = links.issue(SUBJECT, id, CONFIRM, now.plus(properties.confirmationValidity()));
            Post.Text text = post.textFor(language);
            outbox.enqueue(email.strip(), messages.getMessage("news.mail.confirm.subject", new Object[]{text.title()}, language),
                    messages.getMessage("news.mail.confirm.body", new Object[]{text.title(),
                            platform.link(language, "/news/comments/confirm/" + token),
                            properties.confirmationValidity().toDays()}, language));
        }
        return new Outcome(p, id);
    }

    /** Uses a confirmation link: the comment waits for a moderator. */
    @Transactional
    void confirm(@Nullable String token) {
        long id = links.use(token, SUBJECT, CONFIRM);
        if (comments.confirm(id, clock.instant())) {
            lifecycle.confirmed(SUBJECT, id);
        }
    }

    Optional<Comment> byToken(@Nullable String token) {
        return comments.find(links.subject(token, SUBJECT, CONFIRM));
    }

    /** A reply names an approved comment of the same post that is no reply itself (one level deep). */
    private @Nullable Long replyTo(Post post, @Nullable String replyTo, Problems p) {
        if (replyTo == null || replyTo.isBlank()) {
            return null;
        }
        if (!replyTo.strip().matches("\\d{1,18}")) {
            p.add("replyTo", "replyTo");
            return null;
        }
        Optional<Comment> parent = comments.find(Long.parseLong(replyTo.strip()));
        if (parent.isEmpty() || parent.get().postId() != post.id() || parent.get().parentId() != null
                || parent.get().state() != Comment.CommentState.APPROVED) {
            p.add("replyTo", "replyTo");
            return null;
        }
        return parent.get().id();
    }
}
