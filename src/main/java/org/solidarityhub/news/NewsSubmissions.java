package org.solidarityhub.news;

import java.util.List;

import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.staff.WaitingWork;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.ModerationQueue;
import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How comments register with the submissions module: what is erased when (comments never confirmed, with their
 * address and link; rejected comments; the hashes of confirmed addresses not used for a year) and what waits for
 * a moderator (confirmed comments).
 */
@Configuration(proxyBeanMethods = false)
class NewsSubmissions {

    @Bean
    RetentionRule newsUnconfirmedComments(CommentStore store, EmailedLinks links, NewsProperties properties) {
        return new RetentionRule("news.unconfirmed-comments", "comments never confirmed, with their address and link",
                properties.confirmationValidity(), cutOff -> {
                    List<Long> ids = store.unconfirmedBefore(cutOff);
                    links.revokeAll(Commenting.SUBJECT, ids);
                    return store.delete(ids);
                });
    }

    @Bean
    RetentionRule newsRejectedComments(CommentStore store, NewsProperties properties) {
        return new RetentionRule("news.rejected-comments", "comments a moderator rejected",
                properties.confirmationValidity(), cutOff -> store.delete(store.rejectedBefore(cutOff)));
    }

    @Bean
    RetentionRule newsConfirmedAddresses(CommentStore store, NewsProperties properties) {
        return new RetentionRule("news.confirmed-addresses", "hashes of commenters' confirmed addresses, after their last comment",
                properties.confirmedAddressRetention(), store::forgetAddressesUnusedSince);
    }

    @Bean
    ModerationQueue newsCommentsQueue(CommentStore store) {
        return new ModerationQueue() {
            @Override
            public String titleKey() {
                return "news.staff.queue.title";
            }

            @Override
            public String staffPage() {
                return "/staff/news/comments";
            }

            @Override
            public long waiting() {
                return store.waitingCount();
            }

            @Override
            public List<Waiting> oldest(int limit) {
                return store.waiting(limit).stream()
                        .map(c -> new Waiting("#" + c.id() + " · " + c.language(),
                                "/staff/news/comments#comment-" + c.id(), c.confirmedAt()))
                        .toList();
            }
        };
    }

    /** What waits for moderators on the staff home: confirmed comments on posts. */
    @Bean
    WaitingWork newsCommentsWaiting(CommentStore store) {
        return () -> List.of(new WaitingWork.Waiting(StaffRole.MODERATOR, "news.waiting.comments", store.waitingCount(),
                "/staff/news/comments"));
    }
}
