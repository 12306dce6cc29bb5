package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.ShareCardChecks;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A fundraiser's share card (docs/og-images.md): raised against the goal, drawn anew after a donation, named in the
 * head of its page; a draft has none.
 */
class FundraiserCardTest extends WebTest {

    @Autowired Fundraisers fundraisers;
    @Autowired Donations donations;
    @Autowired Purchases purchases;
    @Autowired Deliveries deliveries;

    @Test
    void aFundraisersCardShowsWhatWasRaisedAndChangesWithADonation() {
        PublicFundraisingFixture fixture = new PublicFundraisingFixture(fundraisers, donations, purchases, deliveries);
        Fundraiser fundraiser = fixture.open().fundraiser();
        String card = "/en/fundraisers/" + fundraiser.slug() + "/card.png";

        byte[] before = ShareCardChecks.aCachedCard(anotherBrowser(), card);
        fixture.donate(fundraiser.id(), "250", Donation.Display.ANONYMOUS, null, null);
        byte[] after = ShareCardChecks.aCachedCard(anotherBrowser(), card);

        assertThat(after).isNotEqualTo(before);
        Document page = anotherBrowser().get("/en/fundraisers/" + fundraiser.slug()).doc();
        ShareCardChecks.namesItsCard(page, "http://hub.test" + card, fundraiser.title());
    }

    @Test
    void aDraftHasNoCard() {
        String slug = "draft-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        INSERT INTO fundraiser (slug, title, summary, base_currency, how_to_give, state, created_at)
                        VALUES (:slug, 'Not yet public', '', 'EUR', '', 'DRAFT', :at)""")
                .param("slug", slug).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();

        assertThat(anotherBrowser().bytes("/en/fundraisers/" + slug + "/card.png").statusCode()).isEqualTo(404);
    }
}
