package org.solidarityhub.staff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of staff accounts, under {@code staff.*}.
 *
 * @param passwordHashStrength  bcrypt cost factor (tests lower it)
 * @param invitationValidity    how long an emailed invitation works
 * @param setupValidity         how long the first-admin setup link printed at start-up works
 * @param totpIssuer            the name authenticator apps show
 * @param signInTimeout         time between the password and the second factor
 * @param ipFailures            failed sign-ins one IP address may make per {@code ipWindow}
 * @param ipWindow              window of the per-IP throttle
 * @param accountFailures       failed sign-ins per account per {@code accountWindow}, from browsers the account
 *                              has not signed in from before
 * @param accountWindow         window of the per-account throttle
 */
@ConfigurationProperties("staff")
record StaffProperties(
        @DefaultValue("12") int passwordHashStrength,
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("24h") Duration setupValidity,
        @DefaultValue("Solidarity Hub") String totpIssuer,
        @DefaultValue("5m") Duration signInTimeout,
        @DefaultValue("20") int ipFailures,
        @DefaultValue("15m") Duration ipWindow,
        @DefaultValue("5") int accountFailures,
        @DefaultValue("15m") Duration accountWindow) {
}
