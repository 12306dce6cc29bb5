package org.solidarityhub.appeal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the appeal, under {@code appeal.*}.
 *
 * @param countInterval          how often the batch job adds newly confirmed signatures to the public counts;
 *                               also the max-age of the count responses
 * @param recountCron            when the full recount that repairs any drift runs (nightly)
 * @param confirmationValidity   how long a confirmation link works; unconfirmed signatures are then erased
 * @param maxMailsPerSignature   mails one signature may cause at most (confirmations and reminders)
 * @param ipRetention            how long signers' IP addresses are kept (against abuse) before erasure
 * @param burstPerMinute         signatures one IP address may submit per minute before they are flagged
 * @param sustainedPerFiveMinutes signatures one IP address may submit per five minutes before they are flagged
 * @param pageSize               signatories per page
 * @param latestSigners          public signers shown on the appeal page
 * @param groupCommitWriters     threads storing new signers arriving together, each batch in one transaction
 * @param groupCommitBatch       new signers one such transaction takes at most
 * @param smallCountThreshold    a public count (of all, of a kind, of a country) of at least one but fewer
 *                               signatures than this shows as "fewer than" it; staff see exact numbers
 * @param goalSteps              the ladder of the moving goal the appeal page shows (see {@link AppealGoal}):
 *                               strictly increasing; past the last step the goal goes on in its multiples
 * @param organizationWall       verified organizations named on the appeal page at most (all are on the list)
 * @param summaryLength          characters of the appeal's first paragraph shown as its summary at most
 */
@ConfigurationProperties("appeal")
record AppealProperties(
        @DefaultValue("30s") Duration countInterval,
        @DefaultValue("0 41 3 * * *") String recountCron,
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("5") int maxMailsPerSignature,
        @DefaultValue("30d") Duration ipRetention,
        @DefaultValue("1") int burstPerMinute,
        @DefaultValue("5") int sustainedPerFiveMinutes,
        @DefaultValue("50") int pageSize,
        @DefaultValue("10") int latestSigners,
        @DefaultValue("1") int groupCommitWriters,
        @DefaultValue("64") int groupCommitBatch,
        @DefaultValue("5") int smallCountThreshold,
        @DefaultValue({"100", "250", "500", "1000", "2500", "5000", "10000", "25000", "50000", "100000", "250000",
                "500000", "1000000"}) List<Long> goalSteps,
        @DefaultValue("40") int organizationWall,
        @DefaultValue("220") int summaryLength) {

    AppealProperties {
        if (goalSteps.isEmpty()) {
            throw new IllegalArgumentException("appeal.goal-steps needs at least one step");
        }
        for (int i = 0; i < goalSteps.size(); i++) {
            if (goalSteps.get(i) < 1 || i > 0 && goalSteps.get(i) <= goalSteps.get(i - 1)) {
                throw new IllegalArgumentException("appeal.goal-steps must be positive and strictly increasing: " + goalSteps);
            }
        }
        goalSteps = List.copyOf(goalSteps);
    }
}
