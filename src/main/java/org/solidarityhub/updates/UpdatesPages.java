package org.solidarityhub.updates;


import org.solidarityhub.platform.PublicPage;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public pages of the updates declared to the page cache (docs/caching.md): the form and its thanks change only
 * with a deployment; the pages behind emailed links are never stored. Unconfirmed subscriptions are erased with their
 * links when the confirmation link expires.
 */
@Configuration(proxyBeanMethods = false)
class UpdatesPages {

    @Bean
    PublicPage updatesForm() {
        return PublicPage.at("/news/subscribe", "/news/subscribe/sent", "/news/subscribe/confirmed")
                .changingOnlyWithDeployment().named("news-subscribe");
    }

    @Bean
    PublicPage updatesTokenPages() {
        return PublicPage.tokenPages("news-subscribe-links", "/news/subscribe/confirm/**", "/news/unsubscribe/**");
    }

    @Bean
    RetentionRule updatesUnconfirmed(SubscriberStore store, EmailedLinks links, UpdatesProperties properties) {
        return new RetentionRule("updates.unconfirmed", "subscriptions to the updates never confirmed, with their links",
                properties.confirmationValidity(), cutOff -> {
                    java.util.List<Long> ids = store.unconfirmedBefore(cutOff);
                    links.revokeAll(Subscriptions.SUBJECT, ids);
                    return store.delete(ids);
                });
    }
}
