package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The front page shows the newest open fundraiser's money raised against its goal, with a link to give. */
class FrontPageFundraisingTest extends WebTest {

    @Autowired
    Fundraisers fundraisers;
    @Autowired
    Donations donations;
    @Autowired
    Purchases purchases;
    @Autowired
    Deliveries deliveries;

    @Test
    void theFrontPageShowsRaisedAgainstTheGoalOfAnOpenFundraiserAndALinkToSupportIt() {
        PublicFundraisingFixture.Made made = new PublicFundraisingFixture(fundraisers, donations, purchases, deliveries).open();
        Fundraiser f = made.fundraiser();

        Element card = browser.get("/en/").doc().select(".home-fundraising .card").stream()
                .filter(c -> c.text().contains(f.title())).findFirst().orElseThrow();
        assertThat(card.select(".progress-label").text()).isEqualTo("€1,500.00 raised of €10,000.00");
        assertThat(card.select("progress").attr("value")).isEqualTo("150000");
        assertThat(card.select("progress").attr("max")).isEqualTo("1000000");
        assertThat(card.select(".card-actions a").attr("href")).isEqualTo("/en/fundraisers/" + f.slug());

        // a new donation shows on the next request
        new PublicFundraisingFixture(fundraisers, donations, purchases, deliveries).donate(f.id(), "500", Donation.Display.ANONYMOUS, null, null);
        Element later = browser.get("/en/").doc().select(".home-fundraising .card").stream()
                .filter(c -> c.text().contains(f.title())).findFirst().orElseThrow();
        assertThat(later.select(".progress-label").text()).isEqualTo("€2,000.00 raised of €10,000.00");
    }
}
