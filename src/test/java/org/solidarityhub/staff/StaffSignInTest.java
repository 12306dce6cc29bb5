package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class StaffSignInTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Test
    void signsInWithPasswordThenTotpCode() {
        StaffFixture.Member member = staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR);
        Browser.Page home = staff.signIn(browser, member);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text("h1")).startsWith("Hello, moderator-");
        assertThat(home.body()).contains("Moderator");
        assertThat(auditActions(member.id())).contains("staff.signed-in");
    }

    @Test
    void theSignInFormsLimitIsTheAddressLimitTheServerChecks() {
        assertThat(browser.get("/staff/login").doc().selectFirst("#email").attr("maxlength"))
                .isEqualTo(String.valueOf(org.solidarityhub.platform.EmailAddresses.MAX_LENGTH));
    }

    @Test
    void staffPagesNeedBothFactors() {
        StaffFixture.Member member = staff.member(uniqueEmail("half"), StaffRole.ADMIN);
        assertThat(browser.get("/staff").location()).endsWith("/staff/login");

        Browser.Page afterPassword = passwordStep(browser, member.email(), member.password());
        assertThat(afterPassword.location()).endsWith("/staff/login/code");
        // the password alone opens nothing
        assertThat(browser.get("/staff").location()).endsWith("/staff/login");
        assertThat(browser.get("/staff/audit").location()).endsWith("/staff/login");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        StaffFixture.Member member = staff.member(uniqueEmail("known"), StaffRole.EDITOR);
        Browser attacker = anotherBrowser().from("198.51.100.10");
        Browser.Page wrongPassword = passwordStep(attacker, member.email(), "not the password at all");
        Browser.Page unknownEmail = passwordStep(attacker, uniqueEmail("nobody"), "not the password at all");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.text(".alert")).isEqualTo("Wrong email or password.").isEqualTo(unknownEmail.text(".alert"));
        assertThat(auditActions(member.id())).contains("staff.sign-in-failed");
    }

    @Test
    void theEmailIsComparedWithoutCaseOrSurroundingSpaces() {
        StaffFixture.Member member = staff.member(uniqueEmail("casey"), StaffRole.EDITOR);
        Browser.Page afterPassword = passwordStep(browser, "  " + member.email().toUpperCase() + " ", member.password());
        assertThat(afterPassword.location()).endsWith("/staff/login/code");
    }

    @Test
    void wrongCodeIsRefusedAndFiveWrongCodesRestartTheSignIn() {
        StaffFixture.Member member = staff.member(uniqueEmail("codes"), StaffRole.EDITOR);
        Browser person = anotherBrowser().from("198.51.100.11");
        Browser.Page codeForm = person.follow(passwordStep(person, member.email(), member.password()));
        String wrong = staff.currentCode(member.totpSecret()).equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt < StaffSignIn.MAX_CODE_ATTEMPTS; attempt++) {
            Browser.Page refused = person.submit(codeForm, "form", Map.of("code", wrong));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text(".alert")).contains("This code is not right");
            codeForm = refused;
        }
        Browser.Page last = person.submit(codeForm, "form", Map.of("code", wrong));
        assertThat(last.location()).endsWith("/staff/login?again");
        // the right code no longer helps: the password step must be done again
        assertThat(person.get("/staff/login/code").location()).endsWith("/staff/login");
    }

    @Test
    void aCodeCannotBeUsedTwice() {
        StaffFixture.Member member = staff.member(uniqueEmail("replay"), StaffRole.EDITOR);
        staff.nextStep();
        String code = staff.currentCode(member.totpSecret());

        Browser first = anotherBrowser();
        Browser.Page firstForm = first.follow(passwordStep(first, member.email(), member.password()));
        assertThat(first.submit(firstForm, "form", Map.of("code", code)).location()).endsWith("/staff");

        Browser second = anotherBrowser().from("198.51.100.12");
        Browser.Page secondForm = second.follow(passwordStep(second, member.email(), member.password()));
        Browser.Page replayed = second.submit(secondForm, "form", Map.of("code", code));
        assertThat(replayed.status()).isEqualTo(401);
    }

    @Test
    void aMemberWithoutSecondFactorEnrollsWithAQrCodeAtFirstSignIn() {
        StaffFixture.Member member = staff.unenrolled(uniqueEmail("newbie"), StaffRole.TREASURER);
        Browser.Page afterPassword = passwordStep(browser, member.email(), member.password());
        assertThat(afterPassword.location()).endsWith("/staff/login/enroll");
        // the code step is not offered before enrollment
        assertThat(browser.get("/staff/login/code").location()).endsWith("/staff/login/enroll");

        Browser.Page enroll = browser.follow(afterPassword);
        assertThat(enroll.text("h1")).isEqualTo("Set up your second factor");
        assertThat(enroll.doc().select(".qr-box svg path")).hasSize(1);
        String secret = enroll.text("code.secret").replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        // reloading shows the same secret, so a scanned code stays valid
        assertThat(browser.get("/staff/login/enroll").body()).contains(enroll.text("code.secret"));

        Browser.Page wrong = browser.submit(enroll, "form", Map.of("code", "12345"));
        assertThat(wrong.status()).isEqualTo(401);

        Browser.Page done = browser.submit(enroll, "form", Map.of("code", staff.currentCode(secret)));
        assertThat(done.location()).endsWith("/staff");
        assertThat(browser.follow(done).text("h1")).startsWith("Hello, newbie-");
        assertThat(auditActions(member.id())).contains("staff.totp-enrolled", "staff.signed-in");
        assertThat(db.sql("SELECT totp_secret FROM staff_account WHERE id = :id").param("id", member.id())
                .query(String.class).single()).isEqualTo(secret);
    }

    @Test
    void aDeactivatedMemberCannotSignIn() {
        StaffFixture.Member member = staff.member(uniqueEmail("gone"), StaffRole.EDITOR);
        db.sql("UPDATE staff_account SET active = FALSE WHERE id = :id").param("id", member.id()).update();
        Browser.Page refused = passwordStep(anotherBrowser().from("198.51.100.13"), member.email(), member.password());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text(".alert")).isEqualTo("Wrong email or password.");
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        StaffFixture.Member member = staff.member(uniqueEmail("fixation"), StaffRole.EDITOR);
        passwordStep(browser, member.email(), member.password());
        String afterPassword = browser.cookie("JSESSIONID").orElseThrow();
        staff.nextStep();
        Browser.Page codeForm = browser.get("/staff/login/code");
        browser.submit(codeForm, "form", Map.of("code", staff.currentCode(member.totpSecret())));
        assertThat(browser.cookie("JSESSIONID").orElseThrow()).isNotEqualTo(afterPassword);
    }

    @Test
    void signingOutEndsTheSession() {
        StaffFixture.Member member = staff.member(uniqueEmail("leaving"), StaffRole.EDITOR);
        Browser.Page home = staff.signIn(browser, member);
        // staff pages show the sign-out button; public pages are the same for every reader, staff included
        assertThat(home.doc().select(".site-nav a[href=/staff]")).hasSize(1);
        assertThat(home.doc().select("form.signout input[name=_csrf]")).hasSize(1);
        Browser.Page signedInOnAPublicPage = browser.get("/");
        assertThat(signedInOnAPublicPage.body()).isEqualTo(anotherBrowser().get("/").body());
        assertThat(signedInOnAPublicPage.doc().select("form.signout")).isEmpty();
        assertThat(signedInOnAPublicPage.setCookies()).isEmpty();
        Browser.Page out = browser.submit(home, "form.signout");
        assertThat(out.location()).endsWith("/staff/login?signedOut");
        assertThat(browser.get("/staff").location()).endsWith("/staff/login");
        Browser.Page after = browser.get("/");
        assertThat(after.doc().select(".site-nav a[href=/staff]")).isEmpty();
        assertThat(after.doc().select("form.signout")).isEmpty();
    }

    @Test
    void aMemberHalfwayThroughSignInSeesNoStaffLinks() {
        StaffFixture.Member member = staff.member(uniqueEmail("halfway"), StaffRole.EDITOR);
        passwordStep(browser, member.email(), member.password());
        Browser.Page home = browser.get("/");
        assertThat(home.doc().select(".site-nav a[href=/staff]")).isEmpty();
        assertThat(home.doc().select("form.signout")).isEmpty();
    }

    @Test
    void failedSignInsFromOneAddressAreThrottled() {
        Browser attacker = anotherBrowser().from("203.0.113.50");
        for (int i = 0; i < 20; i++) {
            assertThat(passwordStep(attacker, uniqueEmail("guess"), "wrong password " + i).status()).isEqualTo(401);
        }
        Browser.Page throttled = passwordStep(attacker, uniqueEmail("guess"), "wrong password");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text(".alert")).contains("Too many failed attempts");
        // even the right password waits: the address is slowed down, not the account
        StaffFixture.Member member = staff.member(uniqueEmail("bystander"), StaffRole.EDITOR);
        assertThat(passwordStep(attacker, member.email(), member.password()).status()).isEqualTo(429);
        // other addresses are not affected
        assertThat(passwordStep(anotherBrowser().from("203.0.113.51"), member.email(), member.password()).location())
                .endsWith("/staff/login/code");
    }

    @Test
    void anAttackerCannotLockTheOwnerOutOfTheirAccount() {
        StaffFixture.Member member = staff.member(uniqueEmail("target"), StaffRole.ADMIN);
        Browser owner = anotherBrowser().from("192.0.2.20");
        staff.signIn(owner, member); // the owner's browser is now known to the account
        owner.submit(owner.get("/staff"), "form.signout");

        Browser attacker = anotherBrowser().from("203.0.113.60");
        for (int i = 0; i < 5; i++) {
            passwordStep(attacker, member.email(), "guess number " + i);
        }
        // a new browser, even elsewhere, is now throttled for this account ...
        assertThat(passwordStep(anotherBrowser().from("203.0.113.61"), member.email(), member.password()).status())
                .isEqualTo(429);
        assertThat(passwordStep(attacker, member.email(), member.password()).status()).isEqualTo(429);
        // ... but the owner's own browser still gets in
        Browser.Page home = staff.signIn(owner, member);
        assertThat(home.text("h1")).startsWith("Hello, target-");
    }

    @Test
    void theSecondFactorMustFollowThePasswordWithinTheSignInTimeout() {
        StaffFixture.Member member = staff.member(uniqueEmail("slow"), StaffRole.EDITOR);
        Browser.Page codeForm = browser.follow(passwordStep(browser, member.email(), member.password()));
        assertThat(codeForm.status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Browser.Page late = browser.submit(codeForm, "form[action$=/staff/login/code]",
                Map.of("code", staff.currentCode(member.totpSecret())));
        assertThat(late.location()).endsWith("/staff/login");
        assertThat(browser.get("/staff/login/code").location()).endsWith("/staff/login");
        assertThat(browser.get("/staff").location()).endsWith("/staff/login");
        assertThat(auditActions(member.id())).doesNotContain("staff.signed-in");
    }

    @Test
    void eachStepOfSignInLeadsToTheStepTheMemberIsAt() {
        assertThat(browser.get("/staff/login/code").location()).endsWith("/staff/login");
        assertThat(browser.get("/staff/login/enroll").location()).endsWith("/staff/login");
        StaffFixture.Member member = staff.member(uniqueEmail("enrolled"), StaffRole.EDITOR);
        passwordStep(browser, member.email(), member.password());
        // an enrolled member is never shown a new secret
        assertThat(browser.get("/staff/login/enroll").location()).endsWith("/staff/login/code");
        Browser.Page wrong = browser.submit(browser.get("/staff/login/code"), "form[action$=/staff/login/code]",
                Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(401);
        staff.nextStep();
        Browser.Page home = browser.follow(browser.submit(browser.get("/staff/login/code"), "form[action$=/staff/login/code]",
                Map.of("code", staff.currentCode(member.totpSecret()))));
        assertThat(home.text("h1")).startsWith("Hello, enrolled-");
        // once signed in, the sign-in page leads home
        assertThat(browser.get("/staff/login").location()).endsWith("/staff");
    }

    @Test
    void signInPagesAreLocalized() {
        Browser.Page login = browser.acceptLanguage("uk").get("/staff/login");
        assertThat(login.text("h1")).isEqualTo("Вхід для команди");
        Browser.Page wrong = passwordStep(browser.from("198.51.100.14"), uniqueEmail("x"), "whatever whatever");
        assertThat(wrong.text(".alert")).isEqualTo("Неправильна адреса або пароль.");
    }

    private Browser.Page passwordStep(Browser who, String email, String password) {
        return who.submit(who.get("/staff/login"), "form[action$=/staff/login]", Map.of("email", email, "password", password));
    }

    private java.util.List<String> auditActions(long accountId) {
        return db.sql("SELECT action FROM audit_event WHERE target_type = 'staff_account' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(accountId)).query(String.class).list();
    }
}
