package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff home shows each member, per role, the counts of what waits with the plural form the count takes in the
 * reader's language, each linking to its queue; members see only their roles' counts.
 */
class StaffHomeWaitingTest extends AppealTestSupport {

    @Autowired
    StaffFixture staff;

    @BeforeEach
    void anOrganizationWaitsToBeVerified() {
        appeal = newAppeal(null);
        String email = uniqueEmail("union");
        Browser contact = person();
        assertThat(signAsOrganization(contact, Map.of("organizationName", "Dockers' Union " + appeal.slug(), "country", "BE",
                "name", "Contact Person", "email", email)).location()).endsWith("/signed");
        confirm(contact, email, 1);
    }

    @Test
    void aModeratorSeesHowManyOrganizationsWaitInTheRightFormLinkedToTheirQueue() {
        Browser moderator = anotherBrowser();
        Browser.Page home = staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));

        assertThat(home.doc().select(".waiting-role h3").eachText()).containsExactly("Moderator");
        Element line = organizationsLine(home);
        long waiting = waitingOrganizations();
        assertThat(line.text()).isEqualTo(waiting == 1 ? "1 organization to verify" : waiting + " organizations to verify");
        String queue = line.attr("href");
        assertThat(queue).isIn("/staff/queue", "/staff/appeals/" + appeal.id() + "/review");
        assertThat(moderator.get(queue).status()).isEqualTo(200);

        Browser.Page ukrainian = moderator.get("/staff?lang=uk");
        String text = organizationsLine(ukrainian).text();
        assertThat(text).startsWith(waiting + " ").matches(ukrainianForm(waiting));
    }

    @Test
    void anAdminSeesEveryRoleAndAnEditorOnlyTheirs() {
        Browser admin = anotherBrowser();
        Browser.Page home = staff.signIn(admin, staff.member(uniqueEmail("admin"), StaffRole.ADMIN));
        assertThat(home.doc().select(".waiting-role h3").eachText()).containsExactly("Admin", "Moderator", "Treasurer", "Editor");
        assertThat(organizationsLine(home)).isNotNull();

        Browser editor = anotherBrowser();
        Browser.Page editorHome = staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        assertThat(editorHome.doc().select(".waiting-role h3").eachText()).containsExactly("Editor");
        assertThat(editorHome.doc().select("#waiting-editor").text()).contains("Nothing waits.");
        assertThat(editorHome.body()).doesNotContain("to verify");
    }

    private static Element organizationsLine(Browser.Page home) {
        return home.doc().select("#waiting-moderator a").stream()
                .filter(a -> a.text().contains("to verify") || a.text().contains("на перевірку")).findFirst().orElseThrow();
    }

    private long waitingOrganizations() {
        return db.sql("SELECT COUNT(*) FROM signature WHERE status = 'CONFIRMED' AND kind = 'ORGANIZATION' AND review = 'PENDING'")
                .query(Long.class).single();
    }

    /** The Ukrainian phrase for n organizations: організація / організації / організацій. */
    private static String ukrainianForm(long n) {
        long units = n % 10;
        long tens = n % 100;
        String noun = units == 1 && tens != 11 ? "організація чекає" : units >= 2 && units <= 4 && (tens < 12 || tens > 14)
                ? "організації чекають" : "організацій чекають";
        return n + " " + noun + " на перевірку";
    }
}
