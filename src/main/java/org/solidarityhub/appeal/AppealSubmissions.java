package org.solidarityhub.appeal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.staff.WaitingWork;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.ModerationQueue;
import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * How the appeal registers its subject, the signature, with the submissions module: what is erased when
 * (retention rules) and what waits for a moderator (its entry on the staff queue page). Its links are
 * {@link SignatureLinks}; its guard policy (flag over the limit) is in {@link Signing}.
 */
@Configuration(proxyBeanMethods = false)
class AppealSubmissions {

    @Bean
    RetentionRule appealIpAddresses(AppealStore store, AppealProperties properties) {
        return new RetentionRule("appeal.ip-addresses", "signers' IP addresses", properties.ipRetention(),
                store::eraseIpAddresses);
    }

    @Bean
    RetentionRule appealUnconfirmedSignatures(AppealStore store, EmailedLinks links, AppealProperties properties) {
        return new RetentionRule("appeal.unconfirmed-signatures", "signatures never confirmed, with their links",
                properties.confirmationValidity(), (Instant cutOff) -> {
                    List<Long> ids = store.unconfirmedBefore(cutOff);
                    links.revokeAll(SignatureLinks.SUBJECT, ids);
                    return store.deleteUnconfirmed(ids);
                });
    }

    @Bean
    ModerationQueue appealQueue(AppealStore store, Appeals appeals, MessageSource messages) {
        return new ModerationQueue() {
            @Override
            public String titleKey() {
                return "appeal.queue.title";
            }

            @Override
            public String staffPage() {
                return "/staff/appeals";
            }

            @Override
            public long waiting() {
                return store.waitingPerAppeal().stream().mapToLong(w -> w.organizations() + w.comments() + w.flagged()).sum();
            }

            @Override
            public List<Waiting> oldest(int limit) {
                Locale locale = LocaleContextHolder.getLocale();
                return store.waitingPerAppeal().stream().limit(limit)
                        .flatMap(w -> appeals.find(w.appealId()).stream().map(appeal -> new Waiting(
                                messages.getMessage("appeal.queue.item", new Object[]{appeals.currentFor(appeal, locale).title(),
                                        counts(messages, locale, w)}, locale),
                                "/staff/appeals/" + appeal.id() + "/review", w.since())))
                        .toList();
            }
        };
    }

    /** "1 organization to verify, 2 flagged signatures": the counts above zero, each in its plural form. */
    private static String counts(MessageSource messages, Locale locale, AppealStore.Waiting w) {
        List<String> counts = new java.util.ArrayList<>();
        for (var count : List.of(Map.entry("appeal.waiting.organizations", w.organizations()),
                Map.entry("appeal.waiting.comments", w.comments()), Map.entry("appeal.waiting.flagged", w.flagged()))) {
            if (count.getValue() > 0) {
                counts.add(messages.getMessage(count.getKey(), new Object[]{count.getValue()}, locale));
            }
        }
        return String.join(", ", counts);
    }

    /**
     * What waits for moderators on the staff home: organizations to verify, comments and flagged signatures over
     * every appeal, each linking to the review page of the appeal when one appeal has them all, else to the queue.
     */
    @Bean
    WaitingWork appealWaiting(AppealStore store) {
        return () -> {
            List<AppealStore.Waiting> perAppeal = store.waitingPerAppeal();
            return List.of(
                    waiting("appeal.waiting.organizations", perAppeal, AppealStore.Waiting::organizations),
                    waiting("appeal.waiting.comments", perAppeal, AppealStore.Waiting::comments),
                    waiting("appeal.waiting.flagged", perAppeal, AppealStore.Waiting::flagged));
        };
    }

    private static WaitingWork.Waiting waiting(String key, List<AppealStore.Waiting> perAppeal,
                                               java.util.function.ToLongFunction<AppealStore.Waiting> count) {
        List<AppealStore.Waiting> with = perAppeal.stream().filter(w -> count.applyAsLong(w) > 0).toList();
        String path = with.size() == 1 ? "/staff/appeals/" + with.getFirst().appealId() + "/review" : "/staff/queue";
        return new WaitingWork.Waiting(StaffRole.MODERATOR, key, with.stream().mapToLong(count).sum(), path);
    }
}
