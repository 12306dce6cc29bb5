package org.solidarityhub.news;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of news, under {@code news.*}.
 *
 * @param defaultTimeZone          the time zone an editor's schedule form starts with
 * @param pageSize                 posts per page of {@code /news}
 * @param apiPageSize              posts per page of the API
 * @param feedSize                 entries of an Atom feed
 * @param confirmationValidity     how long a first-time commenter's emailed link works; unconfirmed comments (with
 *                                 their address) are erased then
 * @param confirmedAddressRetention how long the hash of a confirmed address is kept after its last comment
 * @param commentsPer10Minutes     comments one IP address may send in 10 minutes
 * @param commentsPerDay           comments one IP address may send in a day
 */
@ConfigurationProperties("news")
record NewsProperties(
        @DefaultValue("Europe/Brussels") ZoneId defaultTimeZone,
        @DefaultValue("10") int pageSize,
        @DefaultValue("50") int apiPageSize,
        @DefaultValue("30") int feedSize,
        @DefaultValue("7d") Duration confirmationValidity,
        @DefaultValue("365d") Duration confirmedAddressRetention,
        @DefaultValue("5") int commentsPer10Minutes,
        @DefaultValue("30") int commentsPerDay) {
}
