package org.solidarityhub.appeal;

import java.time.Duration;

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
        @DefaultValue("5") int smallCountThreshold) {
}
