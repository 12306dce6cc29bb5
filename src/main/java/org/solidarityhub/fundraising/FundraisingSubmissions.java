package org.solidarityhub.fundraising;

import java.util.List;

import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.staff.WaitingWork;
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

    /**
     * What waits for treasurers on the staff home: purchases and corrections waiting for a second treasurer, and
     * confirmed pledges waiting for their money (on the fundraiser's pledge page when one fundraiser has them all).
     */
    @Bean
    WaitingWork fundraisingWaiting(ApprovalStore approvals, PledgeStore pledges) {
        return () -> {
            List<PledgeStore.Waiting> perFundraiser = pledges.waitingPerFundraiser();
            String pledgePage = perFundraiser.size() == 1
                    ? "/staff/fundraising/" + perFundraiser.getFirst().fundraiserId() + "/pledges" : "/staff/fundraising";
            return List.of(
                    new WaitingWork.Waiting(StaffRole.TREASURER, "fundraising.waiting.approvals", approvals.pendingCount(), "/staff/fundraising"),
                    new WaitingWork.Waiting(StaffRole.TREASURER, "fundraising.waiting.pledges",
                            perFundraiser.stream().mapToLong(PledgeStore.Waiting::count).sum(), pledgePage));
        };
    }
}
