package org.solidarityhub.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of team administration that the pages rarely reach, and the audit entries of every change. */
class StaffTeamTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Autowired
    StaffTeam team;

    @Test
    void anInvitationToAnEmailThatHasAnAccountIsRefused() {
        String email = uniqueEmail("member");
        staff.member(email, StaffRole.EDITOR);
        Browser admin = signedInAdmin();
        Browser.Page refused = admin.submit(admin.get("/staff/admin/accounts"), "form[action$=/invite]",
                Map.of("email", "  " + email.toUpperCase() + " ", "roles", "MODERATOR"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text(".alert")).isEqualTo("An account with this email already exists.");
        assertThat(refused.doc().selectFirst("#invite-email").attr("value")).isEqualTo(email.toUpperCase());
        assertThat(refused.doc().select("form[action$=/invite] input[name=roles][checked]").eachAttr("value")).containsExactly("MODERATOR");
    }

    @Test
    void aSecondInvitationToOneEmailMakesNoSecondAccount() {
        Browser admin = signedInAdmin();
        String email = uniqueEmail("twice");
        invite(admin, email, "EDITOR");
        invite(admin, email, "MODERATOR");
        List<MimeMessage> mails = TestMailServer.await(email, 2, Duration.ofSeconds(10));
        String first = path(mails.get(0));
        String second = path(mails.get(1));
        Map<String, String> fields = Map.of("displayName", "Twice", "password", StaffFixture.PASSWORD,
                "passwordRepeat", StaffFixture.PASSWORD);
        Browser person = anotherBrowser();
        assertThat(person.submit(person.get(first), "form.form", fields).location()).endsWith("/staff/login?welcome");

        Browser.Page taken = person.submit(person.get(second), "form.form", fields);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text(".alert")).isEqualTo("This link was used meanwhile, or an account with this email already exists.");
        assertThat(taken.doc().selectFirst("#password").attr("value")).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM staff_account WHERE email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
        // the refused link was not used up
        assertThat(anotherBrowser().get(second).status()).isEqualTo(200);
    }

    @Test
    void revokingAnInvitationIsAuditedOnce() {
        Browser admin = signedInAdmin();
        String email = uniqueEmail("revoke");
        invite(admin, email, "EDITOR");
        Browser.Page accounts = admin.get("/staff/admin/accounts");
        String action = accounts.doc().select("tr:contains(" + email + ") form").attr("action");
        long id = Long.parseLong(action.replaceAll(".*/invitations/(\\d+)/revoke", "$1"));
        assertThat(admin.follow(admin.submit(accounts, "form[action=" + action + "]")).text(".notice"))
                .isEqualTo("The invitation was revoked.");
        admin.submit(accounts, "form[action=" + action + "]");
        assertThat(actionsOn("staff_invitation", id)).containsExactly("staff.invited", "staff.invitation-revoked");
    }

    @Test
    void changesToAnAccountThatDoesNotExistAreNotFound() {
        Browser admin = signedInAdmin();
        String csrf = admin.get("/staff/admin/accounts").doc().select("input[name=_csrf]").attr("value");
        long unknown = Long.MAX_VALUE - 7;
        assertThat(admin.post("/staff/admin/accounts/" + unknown + "/roles", Map.of("_csrf", csrf, "roles", "EDITOR")).status())
                .isEqualTo(404);
        assertThat(admin.post("/staff/admin/accounts/" + unknown + "/deactivate", Map.of("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(admin.post("/staff/admin/accounts/" + unknown + "/reactivate", Map.of("_csrf", csrf)).status()).isEqualTo(404);
    }

    @Test
    void anAccountWithoutRolesIsRefusedAndReactivationIsAudited() {
        Browser admin = signedInAdmin();
        StaffFixture.Member member = staff.member(uniqueEmail("roles"), StaffRole.EDITOR);
        Browser.Page refused = admin.follow(admin.submit(admin.get("/staff/admin/accounts"),
                "form[action$=/" + member.id() + "/roles]", Map.of("roles", List.of())));
        assertThat(refused.text(".alert")).isEqualTo("Choose at least one role.");
        admin.submit(admin.get("/staff/admin/accounts"), "form[action$=/" + member.id() + "/deactivate]");
        admin.submit(admin.get("/staff/admin/accounts"), "form[action$=/" + member.id() + "/reactivate]");
        assertThat(actionsOn("staff_account", member.id())).containsExactly("staff.deactivated", "staff.reactivated");
        assertThat(db.sql("SELECT role FROM staff_account_role WHERE staff_account = :id").param("id", member.id())
                .query(String.class).list()).containsExactly("EDITOR");
    }

    @Test
    void theLastActiveAdminIsNeitherDeactivatedNorDemoted() {
        List<Long> admins = db.sql("SELECT a.id FROM staff_account a JOIN staff_account_role r ON r.staff_account = a.id "
                + "WHERE a.active = TRUE AND r.role = 'ADMIN'").query(Long.class).list();
        StaffFixture.Member last = staff.member(uniqueEmail("last-admin"), StaffRole.ADMIN);
        // someone whose admin role was taken meanwhile, acting from an older page
        StaffPrincipal other = new StaffPrincipal(staff.member(uniqueEmail("former-admin"), StaffRole.EDITOR).id(), "Former");
        try {
            admins.forEach(id -> db.sql("UPDATE staff_account SET active = FALSE WHERE id = :id").param("id", id).update());
            assertThat(team.deactivate(last.id(), other).refusal()).isEqualTo("staff.admin.lastAdmin");
            assertThat(team.changeRoles(last.id(), new StaffTeam.ChangeRoles(EnumSet.of(StaffRole.EDITOR)), other).refusal())
                    .isEqualTo("staff.admin.lastAdmin");
            assertThat(team.changeRoles(last.id(), new StaffTeam.ChangeRoles(EnumSet.of(StaffRole.ADMIN, StaffRole.EDITOR)), other))
                    .isEqualTo(StaffTeam.Outcome.DONE);
            assertThat(db.sql("SELECT active FROM staff_account WHERE id = :id").param("id", last.id()).query(Boolean.class).single())
                    .isTrue();
            assertThat(actionsOn("staff_account", last.id())).containsExactly("staff.roles-changed");
        } finally {
            admins.forEach(id -> db.sql("UPDATE staff_account SET active = TRUE WHERE id = :id").param("id", id).update());
        }
    }

    @Test
    void theAuditLogPagesByFiftyNewestFirstWhateverPageIsAsked(@Autowired AuditLog audit) {
        String action = "test.paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < AuditBrowser.PAGE + 1; i++) {
            audit.record(null, action, "test", i, null);
        }
        Browser admin = signedInAdmin();
        Browser.Page first = admin.get("/staff/audit?action=" + action);
        assertThat(first.doc().select("tbody tr")).hasSize(AuditBrowser.PAGE);
        assertThat(first.doc().select(".pager a").eachAttr("href")).singleElement().asString().contains("page=1");
        Browser.Page second = admin.get("/staff/audit?action=" + action + "&page=1");
        assertThat(second.doc().select("tbody tr")).hasSize(1);
        assertThat(second.text("tbody tr td:nth-child(4)")).isEqualTo("test 0");
        assertThat(second.doc().select(".pager a").eachAttr("href")).singleElement().asString().contains("page=0");
        Browser.Page negative = admin.get("/staff/audit?action=" + action + "&page=-3");
        assertThat(negative.doc().select("tbody tr")).hasSize(AuditBrowser.PAGE);
        assertThat(admin.get("/staff/audit?action=" + action + "&page=999999999").doc().select("tbody tr")).isEmpty();
        assertThat(admin.get("/staff/audit?page=first").status()).isEqualTo(400);
    }

    private Browser signedInAdmin() {
        Browser admin = anotherBrowser();
        staff.signIn(admin, staff.member(uniqueEmail("admin"), StaffRole.ADMIN));
        return admin;
    }

    private void invite(Browser admin, String email, String... roles) {
        Browser.Page sent = admin.submit(admin.get("/staff/admin/accounts"), "form[action$=/invite]",
                Map.of("email", email, "roles", List.of(roles)));
        assertThat(sent.location()).endsWith("/staff/admin/accounts");
    }

    private static String path(MimeMessage mail) {
        return TestMailServer.link(mail, "http://hub.test/staff/invitations/").substring("http://hub.test".length());
    }

    private List<String> actionsOn(String targetType, long id) {
        return db.sql("SELECT action FROM audit_event WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", String.valueOf(id)).query(String.class).list();
    }
}
