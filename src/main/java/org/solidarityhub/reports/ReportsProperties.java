package org.solidarityhub.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reports feature, under {@code reports.*}.
 *
 * @param confirmationValidity how long the emailed link of a report sent from a campaign page may confirm it;
 *                             unconfirmed reports are then erased with their media
 * @param statusValidity       how long the sender's private status link of such a report works
 * @param ipRetention          how long the sender's IP address is kept (then erased)
 * @param maxFiles             photos and videos in one report
 * @param maxLinks             links in one report
 * @param maxAttendance        the highest attendance estimate taken
 * @param galleryPageSize      thumbnails per page of the gallery
 * @param apiPageSize          reports per page of the API
 * @param sendsPer10Minutes    reports one IP address may send in 10 minutes (both forms together)
 * @param uploadsPer10Minutes  resumable uploads one IP address may start in 10 minutes (JavaScript sends each file
 *                             of a form as one)
 */
@ConfigurationProperties("reports")
record ReportsProperties(
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("30d") Duration statusValidity,
        @DefaultValue("30d") Duration ipRetention,
        @DefaultValue("10") int maxFiles,
        @DefaultValue("10") int maxLinks,
        @DefaultValue("10000000") int maxAttendance,
        @DefaultValue("48") int galleryPageSize,
        @DefaultValue("50") int apiPageSize,
        @DefaultValue("10") int sendsPer10Minutes,
        @DefaultValue("100") int uploadsPer10Minutes) {
}
