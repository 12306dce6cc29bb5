package org.solidarityhub.fundraising;

import java.util.List;

import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How pledges register with the submissions module's retention: pledges never confirmed go with their links; the
 * address of a confirmed pledge whose money never came goes after {@code fundraising.pledge-email-retention}.
 */
@Configuration(proxyBeanMethods = false)
class FundraisingSubmissions {

    @Bean
    RetentionRule pledgesUnconfirmed(PledgeStore store, EmailedLinks links, FundraisingProperties properties) {
        return new RetentionRule("fundraising.pledges-unconfirmed", "pledges never confirmed, with their addresses and links",
                properties.pledgeConfirmation(), cutOff -> {
                    List<Long> ids = store.unconfirmedBefore(cutOff);
                    links.revokeAll(Pledges.SUBJECT, ids);
                    return store.delete(ids);
                });
    }

    @Bean
    RetentionRule pledgeEmails(PledgeStore store, FundraisingProperties properties) {
        return new RetentionRule("fundraising.pledge-emails", "addresses of confirmed pledges whose money has not come",
                properties.pledgeEmailRetention(), store::eraseEmailsConfirmedBefore);
    }
}
