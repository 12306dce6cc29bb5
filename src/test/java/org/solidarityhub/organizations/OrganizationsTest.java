package org.solidarityhub.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class OrganizationsTest extends WebTest {

    @Autowired
    Organizations organizations;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theSameNameInTheSameCountryIsOneOrganizationWhateverItsSpelling() {
        String name = "Union of Ukrainian Women " + UUID.randomUUID();
        Organization first = transaction.execute(s -> organizations.findOrCreate(name, "BE", null));
        Organization second = transaction.execute(s -> organizations.findOrCreate("  " + name.toUpperCase().replace(" ", "  "), "BE", "https://example.org"));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.name()).isEqualTo(name);
        assertThat(second.website()).isEqualTo("https://example.org");
        Organization elsewhere = transaction.execute(s -> organizations.findOrCreate(name, "PL", null));
        assertThat(elsewhere.id()).isNotEqualTo(first.id());
    }

    @Test
    void onlyVerifiedOrganizationsHaveAPublicPage() {
        String name = "Promote Ukraine " + UUID.randomUUID();
        Organization organization = transaction.execute(s -> organizations.findOrCreate(name, "BE", "https://example.org/promote"));
        assertThat(browser.get("/en/organizations/" + organization.id()).status()).isEqualTo(404);
        assertThat(organizations.searchVerified(name, 10)).isEmpty();

        transaction.executeWithoutResult(s -> organizations.verify(organization.id()));
        Browser.Page page = browser.acceptLanguage("uk").get("/uk/organizations/" + organization.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("h1")).isEqualTo(name);
        assertThat(page.body()).contains("Бельгія");
        assertThat(page.doc().select("a[href=https://example.org/promote]").attr("rel")).contains("noopener");
        assertThat(organizations.searchVerified(name.substring(0, 20).toLowerCase(), 10)).extracting(Organization::id).contains(organization.id());
    }

    @Test
    void acceptsOnlyHttpWebsites() {
        assertThat(Organizations.isValidWebsite("https://example.org/about")).isTrue();
        assertThat(Organizations.isValidWebsite("")).isTrue();
        assertThat(Organizations.isValidWebsite("javascript:alert(1)")).isFalse();
        assertThat(Organizations.isValidWebsite("ftp://example.org")).isFalse();
        assertThat(Organizations.isValidWebsite("https://localhost")).isFalse();
        assertThat(Organizations.isValidWebsite("https://example.org/" + "a".repeat(300))).isFalse();
        assertThat(Organizations.isValidWebsite("not a url")).isFalse();
    }
}
