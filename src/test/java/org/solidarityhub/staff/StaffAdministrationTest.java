package org.solidarityhub.staff;

import org.solidarityhub.platform.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class StaffAdministrationTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Test
    void anInvitedMemberCreatesAnAccountFromTheEmailedLinkAndEnrollsTotp() throws Exception {
        Browser admin = signedInAdmin();
        String invitee = uniqueEmail("invitee");
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        Browser.Page sent = admin.submit(accounts, "form[action$=/invite]", Map.of("email", invitee, "roles", List.of("MODERATOR", "EDITOR")));
        assertThat(sent.location()).endsWith("/staff/admin/accounts");
        assertThat(admin.follow(sent).text(".notice")).isEqualTo("The invitation was sent.");

        MimeMessage mail = TestMailServer.await(invitee, 1, Duration.ofSeconds(10)).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your invitation to the Solidarity Hub staff");
        String link = TestMailServer.link(mail, "http://hub.test/staff/invitations/");
        String path = link.substring("http://hub.test".length());

        Browser person = anotherBrowser();
        Browser.Page form = person.get(path);
        assertThat(form.text("h1")).isEqualTo("Create your staff account");
        assertThat(form.doc().selectFirst("#email").attr("value")).isEqualTo(invitee);
        Browser.Page created = person.submit(form, "form.form", Map.of("displayName", "Mykola",
                "password", StaffFixture.PASSWORD, "passwordRepeat", StaffFixture.PASSWORD));
        assertThat(created.location()).endsWith("/staff/login?welcome");

        // the link works once
        Browser.Page again = anotherBrowser().get(path);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text(".lead")).isEqualTo("This link is unknown, was already used or has expired.");

        // first sign-in: password, then enrollment of the second factor
        Browser.Page login = person.follow(created);
        assertThat(login.text(".notice")).contains("Your account is ready");
        Browser.Page afterPassword = person.submit(login, "form", Map.of("email", invitee, "password", StaffFixture.PASSWORD));
        assertThat(afterPassword.location()).endsWith("/staff/login/enroll");
        Browser.Page enroll = person.follow(afterPassword);
        String secret = enroll.text("code.secret").replace(" ", "");
        Browser.Page home = person.follow(person.submit(enroll, "form", Map.of("code", staff.currentCode(secret))));
        assertThat(home.text("h1")).isEqualTo("Hello, Mykola");
        assertThat(home.body()).contains("Moderator").contains("Editor");

        long id = accountId(invitee);
        assertThat(actionsOn("staff_account", id)).contains("staff.invitation-accepted", "staff.totp-enrolled", "staff.signed-in");
    }

    @Test
    void invitationsAreRefusedForBadInputWithAClearMessage() {
        Browser admin = signedInAdmin();
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        Browser.Page badEmail = admin.submit(accounts, "form[action$=/invite]", Map.of("email", "not an email", "roles", "EDITOR"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.text(".alert")).isEqualTo("Please enter a valid email address.");
        Browser.Page noRole = admin.submit(accounts, "form[action$=/invite]", Map.of("email", uniqueEmail("norole")));
        assertThat(noRole.status()).isEqualTo(400);
        assertThat(noRole.text(".alert")).isEqualTo("Choose at least one role.");
        Browser.Page unknownRole = admin.submit(accounts, "form[action$=/invite]", Map.of("email", uniqueEmail("r"), "roles", "OVERLORD"));
        assertThat(unknownRole.status()).isEqualTo(400);
        Browser.Page html = admin.submit(accounts, "form[action$=/invite]", Map.of("email", "<script>alert(1)</script>@x.org", "roles", "EDITOR"));
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body()).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aWeakPasswordIsRefusedWhenAcceptingAnInvitation() {
        String invitee = uniqueEmail("weak");
        String path = invite(invitee, "EDITOR");
        Browser person = anotherBrowser();
        Browser.Page form = person.get(path);
        Browser.Page common = person.submit(form, "form.form", Map.of("displayName", "Weak", "password", "password1234", "passwordRepeat", "password1234"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.text(".alert")).isEqualTo("This password is on the lists of common passwords. Please choose another.");
        Browser.Page mismatch = person.submit(form, "form.form", Map.of("displayName", "Weak", "password", StaffFixture.PASSWORD, "passwordRepeat", "something else entirely"));
        assertThat(mismatch.text(".alert")).isEqualTo("The two passwords are not the same.");
        Browser.Page noName = person.submit(form, "form.form", Map.of("displayName", " ", "password", StaffFixture.PASSWORD, "passwordRepeat", StaffFixture.PASSWORD));
        assertThat(noName.text(".alert")).isEqualTo("Please enter a name of at most 100 characters.");
        Browser.Page longName = person.submit(form, "form.form", Map.of("displayName", "x".repeat(101), "password", StaffFixture.PASSWORD, "passwordRepeat", StaffFixture.PASSWORD));
        assertThat(longName.status()).isEqualTo(400);
        // nothing was created, and the link still works
        assertThat(db.sql("SELECT COUNT(*) FROM staff_account WHERE email = :email").param("email", invitee).query(Long.class).single()).isZero();
        assertThat(person.get(path).status()).isEqualTo(200);
    }

    @Test
    void aRevokedInvitationNoLongerWorks() {
        Browser admin = signedInAdmin();
        String invitee = uniqueEmail("revoked");
        String path = invite(admin, invitee, "EDITOR");
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        String revokeForm = accounts.doc().select("tr:contains(" + invitee + ") form").attr("action");
        Browser.Page revoked = admin.submit(accounts, "form[action=" + revokeForm + "]");
        assertThat(revoked.location()).endsWith("/staff/admin/accounts");
        assertThat(anotherBrowser().get(path).status()).isEqualTo(404);
    }

    @Test
    void changedRolesTakeEffectInTheMembersOpenSession() {
        Browser admin = signedInAdmin();
        StaffFixture.Member member = staff.member(uniqueEmail("promoted"), StaffRole.EDITOR);
        Browser memberBrowser = anotherBrowser();
        staff.signIn(memberBrowser, member);
        assertThat(memberBrowser.get("/staff/audit").status()).isEqualTo(403);

        setRoles(admin, member.id(), "ADMIN");
        Browser.Page audit = memberBrowser.open("/staff/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.text("h1")).isEqualTo("Audit log");

        // a role added takes effect without a detour; the filters of the page stay
        Browser.Page filtered = memberBrowser.get("/staff/audit?action=staff.roles-changed");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.doc().selectFirst("input[name=action]").attr("value")).isEqualTo("staff.roles-changed");

        setRoles(admin, member.id(), "MODERATOR");
        // a role removed: the page is checked again with the roles the member has now
        Browser.Page again = memberBrowser.get("/staff/audit?action=x");
        assertThat(again.location()).endsWith("/staff/audit?action=x");
        assertThat(memberBrowser.open("/staff/audit").status()).isEqualTo(403);
        assertThat(actionsOn("staff_account", member.id())).contains("staff.roles-changed");
    }

    @Test
    void aDeactivatedMemberIsSignedOutAtOnce() {
        Browser admin = signedInAdmin();
        StaffFixture.Member member = staff.member(uniqueEmail("deactivated"), StaffRole.MODERATOR);
        Browser memberBrowser = anotherBrowser();
        staff.signIn(memberBrowser, member);

        Browser.Page accounts = admin.get("/staff/admin/accounts");
        Browser.Page done = admin.submit(accounts, "form[action$=/" + member.id() + "/deactivate]");
        assertThat(admin.follow(done).text(".notice")).isEqualTo("The account was deactivated and signed out.");
        assertThat(memberBrowser.get("/staff").location()).endsWith("/staff/login");
        assertThat(actionsOn("staff_account", member.id())).contains("staff.deactivated");

        Browser.Page reactivate = admin.submit(admin.get("/staff/admin/accounts"), "form[action$=/" + member.id() + "/reactivate]");
        assertThat(admin.follow(reactivate).text(".notice")).isEqualTo("The account was reactivated.");
        assertThat(staff.signIn(memberBrowser, member).text("h1")).startsWith("Hello, deactivated-");
    }

    @Test
    void anAdminCannotDeactivateOrDemoteThemselves() {
        StaffFixture.Member me = staff.member(uniqueEmail("self"), StaffRole.ADMIN);
        Browser admin = anotherBrowser();
        staff.signIn(admin, me);
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        Browser.Page refused = admin.follow(admin.submit(accounts, "form[action$=/" + me.id() + "/deactivate]"));
        assertThat(refused.text(".alert")).isEqualTo("You cannot do this to your own account.");
        Browser.Page demoted = admin.follow(admin.submit(admin.get("/staff/admin/accounts"),
                "form[action$=/" + me.id() + "/roles]", Map.of("roles", "EDITOR")));
        assertThat(demoted.text(".alert")).isEqualTo("You cannot do this to your own account.");
        assertThat(db.sql("SELECT active FROM staff_account WHERE id = :id").param("id", me.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void onlyAdminsManageTheTeamAndReadTheAuditLog() {
        StaffFixture.Member moderator = staff.member(uniqueEmail("mod"), StaffRole.MODERATOR);
        Browser browserOfModerator = anotherBrowser();
        staff.signIn(browserOfModerator, moderator);
        assertThat(browserOfModerator.get("/staff/admin/accounts").status()).isEqualTo(403);
        assertThat(browserOfModerator.get("/staff/audit").status()).isEqualTo(403);
        Browser.Page forbidden = browserOfModerator.get("/staff/outbox");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("h1")).isEqualTo("Not allowed");
        assertThat(anotherBrowser().get("/staff/admin/accounts").location()).endsWith("/staff/login");
    }

    @Test
    void theAuditLogShowsWhoDidWhatAndFiltersByAction() {
        Browser admin = signedInAdmin();
        String invitee = uniqueEmail("audited");
        invite(admin, invitee, "TREASURER");
        Browser.Page audit = admin.get("/staff/audit?action=staff.invited");
        assertThat(audit.status()).isEqualTo(200);
        // each action as a sentence in the reader's language, its key small beneath it
        assertThat(audit.doc().select("tbody tr td:nth-child(3) code.audit-key").eachText()).isNotEmpty().allMatch(a -> a.equals("staff.invited"));
        assertThat(audit.doc().select("tbody tr td:nth-child(3) span").eachText()).isNotEmpty()
                .allMatch(a -> a.equals("A new member of the team was invited"));
        assertThat(admin.get("/staff/audit?action=staff.invited&lang=uk").doc().select("tbody tr td:nth-child(3) span").first().text())
                .isEqualTo("Запрошено нового члена команди");
        admin.get("/staff/audit?lang=en");
        assertThat(audit.doc().select("tbody tr").first().text()).contains("staff_invitation").contains("TREASURER");
        // the audit page never echoes filter input unescaped
        Browser.Page html = admin.get("/staff/audit?action=%3Cscript%3E");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).doesNotContain("<script>");
    }

    @Test
    void theFirstAdminIsCreatedFromAOneTimeSetupLinkNeverADefaultPassword(@Autowired FirstAdminSetup setup) {
        List<Long> admins = db.sql("SELECT a.id FROM staff_account a JOIN staff_account_role r ON r.staff_account = a.id "
                + "WHERE a.active = TRUE AND r.role = 'ADMIN'").query(Long.class).list();
        try {
            // as on a fresh install: no active admin
            admins.forEach(id -> db.sql("UPDATE staff_account SET active = FALSE WHERE id = :id").param("id", id).update());
            String link = setup.issueIfNoAdmin().orElseThrow();
            assertThat(link).startsWith("http://hub.test/staff/setup/");
            String path = link.substring("http://hub.test".length());
            // a newer link replaces older ones
            String newer = setup.issueIfNoAdmin().orElseThrow().substring("http://hub.test".length());
            assertThat(anotherBrowser().get(path).status()).isEqualTo(404);

            String email = uniqueEmail("first-admin");
            Browser person = anotherBrowser();
            Browser.Page form = person.get(newer);
            assertThat(form.text("h1")).isEqualTo("Create the first admin account");
            Browser.Page created = person.submit(form, "form.form", Map.of("email", email, "displayName", "First admin",
                    "password", StaffFixture.PASSWORD, "passwordRepeat", StaffFixture.PASSWORD));
            assertThat(created.location()).endsWith("/staff/login?welcome");
            assertThat(anotherBrowser().get(newer).status()).isEqualTo(404);
            assertThat(db.sql("SELECT r.role FROM staff_account a JOIN staff_account_role r ON r.staff_account = a.id WHERE a.email = :email")
                    .param("email", email).query(String.class).list()).containsExactly("ADMIN");
            // with an admin, no link is issued
            assertThat(setup.issueIfNoAdmin()).isEmpty();
        } finally {
            admins.forEach(id -> db.sql("UPDATE staff_account SET active = TRUE WHERE id = :id").param("id", id).update());
        }
    }

    private Browser signedInAdmin() {
        Browser admin = anotherBrowser();
        staff.signIn(admin, staff.member(uniqueEmail("admin"), StaffRole.ADMIN));
        return admin;
    }

    /** Sends an invitation as a new admin and returns the path of the emailed link. */
    private String invite(String email, String... roles) {
        return invite(signedInAdmin(), email, roles);
    }

    private String invite(Browser admin, String email, String... roles) {
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        Browser.Page sent = admin.submit(accounts, "form[action$=/invite]", Map.of("email", email, "roles", List.of(roles)));
        assertThat(sent.location()).endsWith("/staff/admin/accounts");
        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        return TestMailServer.link(mail, "http://hub.test/staff/invitations/").substring("http://hub.test".length());
    }

    private void setRoles(Browser admin, long id, String... roles) {
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        Browser.Page done = admin.submit(accounts, "form[action$=/" + id + "/roles]", Map.of("roles", List.of(roles)));
        assertThat(admin.follow(done).text(".notice")).isEqualTo("The roles were changed.");
    }

    private long accountId(String email) {
        return db.sql("SELECT id FROM staff_account WHERE email = :email").param("email", email).query(Long.class).single();
    }

    private List<String> actionsOn(String targetType, long id) {
        return db.sql("SELECT action FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", String.valueOf(id)).query(String.class).list();
    }
}
