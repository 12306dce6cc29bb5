package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The living page of the design system is for signed-in staff of any role; its colours are those of base.css. */
class DesignPageTest extends WebTest {

    @Autowired
    StaffFixture staff;

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheStaffSignIn() {
        Browser.Page design = browser.open("/design");
        assertThat(design.uri().getPath()).isEqualTo("/staff/login");
        assertThat(anotherBrowser().get("/staff/design").location()).endsWith("/staff/login");
    }

    @Test
    void everyStaffRoleSeesEveryComponent() {
        for (StaffRole role : StaffRole.values()) {
            Browser member = anotherBrowser();
            staff.signIn(member, staff.member(uniqueEmail("design-" + role.name().toLowerCase()), role));
            Browser.Page page = member.open("/design");
            assertThat(page.status()).as(role.name()).isEqualTo(200);
            assertThat(page.uri().getPath()).isEqualTo("/staff/design");
            Document doc = page.doc();
            assertThat(doc.select("h1").text()).isEqualTo("Design system");
            assertThat(doc.select("main h2").eachText()).contains("Colours and their contrast", "Type scale", "Buttons",
                    "Cards", "Badges and pills", "Progress bars", "Alerts", "Forms", "Tables that become cards on a phone");
            assertThat(doc.select(".btn, button").size()).isGreaterThanOrEqualTo(8);
            assertThat(doc.select(".card").size()).isGreaterThanOrEqualTo(3);
            assertThat(doc.select(".badge-success, .badge-warning, .badge-danger, .badge-muted, .badge-brand").size()).isGreaterThanOrEqualTo(5);
            assertThat(doc.select("[aria-invalid=true] + *, .field-error").size()).isGreaterThanOrEqualTo(1);
            assertThat(doc.select("table.table-cards td[data-label]").size()).isEqualTo(6);
            // progress at 0, 0.1, 50 and 100 %: only a share above 0 gets the minimum width
            var bars = doc.select("section[aria-labelledby=d-progress] progress");
            assertThat(bars.eachAttr("value")).startsWith("0", "10", "5000", "10000");
            assertThat(bars.get(0).hasClass("progress-some")).isFalse();
            assertThat(bars.get(1).hasClass("progress-some")).isTrue();
            assertThat(doc.select("[style]")).isEmpty();
            assertThat(doc.select(".swatch")).hasSize(DesignController.SWATCHES.size());
        }
    }

    @Test
    void theColoursShownAreTheTokensOfBaseCssAndPassWcagAa() throws IOException {
        String css = new ClassPathResource("static/css/base.css").getContentAsString(StandardCharsets.UTF_8);
        for (DesignController.Swatch swatch : DesignController.SWATCHES) {
            assertThat(css).as(swatch.token()).contains(swatch.token() + ": " + swatch.color() + ";");
            double needed = swatch.token().equals("--color-field") ? 3.0 : 4.5; // a control's edge: 3:1 (WCAG 1.4.11)
            assertThat(swatch.ratio()).as(swatch.token() + " on " + swatch.background()).isGreaterThanOrEqualTo(needed);
        }
        assertThat(DesignController.contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(DesignController.contrast("#0057b7", "#ffffff")).isBetween(6.8, 7.0);
    }
}
