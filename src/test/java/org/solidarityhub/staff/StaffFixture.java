package org.solidarityhub.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestClock;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff members for tests of any feature: an account with a known password and TOTP secret, and a
 * sign-in through the real two-step form.
 */
public class StaffFixture {

    public static final String PASSWORD = "violet kettle marches north 1917";

    /** A test's staff member and what it takes to sign in as them. */
    public record Member(long id, String email, String password, String totpSecret) {
    }

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final TestClock clock;

    public StaffFixture(StaffAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = (TestClock) clock;
    }

    /** An active, enrolled member with these roles. */
    public Member member(String email, StaffRole... roles) {
        String secret = Totp.newSecret();
        Set<StaffRole> roleSet = roles.length == 0 ? EnumSet.noneOf(StaffRole.class) : EnumSet.of(roles[0], roles);
        StaffAccount account = StaffAccount.create(email, email.substring(0, email.indexOf('@')), passwords.encode(PASSWORD),
                roleSet, clock.instant()).withTotp(secret, 0);
        return new Member(accounts.save(account).id(), email, PASSWORD, secret);
    }

    /** An active member who has not yet enrolled a second factor. */
    public Member unenrolled(String email, StaffRole... roles) {
        Set<StaffRole> roleSet = roles.length == 0 ? EnumSet.noneOf(StaffRole.class) : EnumSet.of(roles[0], roles);
        StaffAccount account = StaffAccount.create(email, email.substring(0, email.indexOf('@')), passwords.encode(PASSWORD),
                roleSet, clock.instant());
        return new Member(accounts.save(account).id(), email, PASSWORD, null);
    }

    /** The code an authenticator app shows now for a secret. */
    public String currentCode(String secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    /** Moves time to the next 30-second step, so a new code is not a replay of the last one. */
    public void nextStep() {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    /** Signs in through the forms (password, then code) and returns the page after the redirect to /staff. */
    public Browser.Page signIn(Browser browser, Member member) {
        Browser.Page login = browser.get("/staff/login");
        Browser.Page afterPassword = browser.submit(login, "form[action$=/staff/login]",
                Map.of("email", member.email(), "password", member.password()));
        if (!afterPassword.isRedirect() || !afterPassword.location().endsWith("/staff/login/code")) {
            throw new AssertionError("password step failed: " + afterPassword.status() + "\n" + afterPassword.body());
        }
        nextStep();
        Browser.Page codeForm = browser.follow(afterPassword);
        Browser.Page afterCode = browser.submit(codeForm, "form[action$=/staff/login/code]",
                Map.of("code", currentCode(member.totpSecret())));
        if (!afterCode.isRedirect() || !afterCode.location().endsWith("/staff")) {
            throw new AssertionError("code step failed: " + afterCode.status() + "\n" + afterCode.body());
        }
        return browser.follow(afterCode);
    }
}
