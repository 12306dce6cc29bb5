package org.solidarityhub.updates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the updates to supporters, under {@code updates.*}.
 *
 * @param confirmationValidity how long the emailed link of a subscription may confirm it; unconfirmed subscriptions
 *                             are then erased
 * @param subscribesPer10Minutes subscriptions one IP address may ask for in 10 minutes (refused over it)
 * @param chunkSize            recipients queued in the outbox per transaction (one INSERT ... SELECT)
 * @param readBatch            signers or organizers read from their feature at a time
 * @param testSendValidity     how long a test send to the editor allows the real send of that post
 * @param queueInterval        how often updates still being queued are looked for (after a restart, say)
 */
@ConfigurationProperties("updates")
record UpdatesProperties(
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("5") int subscribesPer10Minutes,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("1000") int readBatch,
        @DefaultValue("24h") Duration testSendValidity,
        @DefaultValue("10s") Duration queueInterval) {
}
