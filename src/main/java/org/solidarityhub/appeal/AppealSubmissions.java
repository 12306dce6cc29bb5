package org.solidarityhub.appeal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
                                        w.organizations(), w.comments(), w.flagged()}, locale),
                                "/staff/appeals/" + appeal.id() + "/review", w.since())))
                        .toList();
            }
        };
    }
}
