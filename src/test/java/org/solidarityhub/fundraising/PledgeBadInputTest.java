package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of bad pledge comes back with 400 and a message at its field, in the reader's language, and nothing is
 * stored or mailed; bots, floods, drafts and closed fundraisers are refused too.
 */
class PledgeBadInputTest extends WebTest {

    @Autowired Fundraisers fundraisers;

    Fundraiser fundraiser;

    @BeforeEach
    void anOpenFundraiser() {
        fundraiser = PledgeFixture.openFundraiser(fundraisers, "EUR");
        long met = fundraisers.addNeed(fundraiser.id(), new Fundraisers.NewNeed("Clothing", "Winter clothing", "10", "50", "LOW"));
        fundraisers.addNeed(fundraiser.id(), new Fundraisers.NewNeed("Helmets", "Class 4 helmets", "50", "300", "HIGH"));
        fundraisers.needState(fundraiser.id(), met, Need.State.MET);
        metNeed = met;
    }

    long metNeed;

    @Test
    void aNeedThatIsMetTakesNoMorePledges() {
        Map<String, String> values = valid();
        values.put("need", String.valueOf(metNeed));
        Browser.Page page = pledger().submit(form(), "form.pledge-form", values);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#p-need-error").text()).isEqualTo("Please choose one of the listed options.");
        assertThat(page.doc().select("select[name=need] option").eachText()).contains("Helmets").doesNotContain("Clothing");
    }

    @ParameterizedTest(name = "{0}={1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            amount      | 10.555                        | EUR amounts have at most 2 decimals.
            amount      | 1.250,50                      | Please write the amount with digits only
            amount      | -5                            | Please enter the amount without a minus sign
            amount      | 0                             | Please enter an amount above zero.
            amount      | 99999999999999999999          | This amount is too large
            amount      | =HYPERLINK("http://x.example")| Please write the amount with digits only
            amount      | ''                            | Please enter an amount.
            currency    | XXX                           | This is not a currency we know.
            currency    | EURO                          | This is not a currency we know.
            email       | not-an-address                | Please enter a valid email address
            email       | ''                            | Please fill in this field.
            display     | FAMOUS                        | Please choose one of the listed options.
            need        | 999999999                     | Please choose one of the listed options.
            need        | one                           | Please choose one of the listed options.
            publicName  | https://spam.example          | Please do not put web addresses in a name.
            """)
    void aBadFieldComesBackWithItsMessageAndNothingIsStored(String field, String value, String message) {
        Map<String, String> values = valid();
        values.put(field, value);
        if (field.equals("publicName")) {
            values.put("display", "NAME");
        }
        Browser.Page page = pledger().submit(form(), "form.pledge-form", values);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#p-" + field + "-error").text()).as(field).containsIgnoringCase(message);
        assertThat(page.doc().select("#p-email").val()).isEqualTo(values.get("email"));
        assertThat(pledges()).isZero();
    }

    @Test
    void aYenAmountWithDecimalsIsRefusedInTheReadersLanguage() {
        Map<String, String> values = valid();
        values.putAll(Map.of("amount", "10.5", "currency", "JPY"));
        Browser.Page page = pledger().submit(pledger().get("/uk/fundraisers/" + fundraiser.slug() + "/pledge"),
                "form.pledge-form", values);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#p-amount-error").text()).isNotBlank().doesNotContain("amounts have");
        assertThat(page.doc().select("html").attr("lang")).isEqualTo("uk");
        assertThat(pledges()).isZero();
    }

    @Test
    void aNameIsRequiredToAppearUnderIt() {
        Map<String, String> values = valid();
        values.put("display", "ORGANIZATION");
        Browser.Page page = pledger().submit(form(), "form.pledge-form", values);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.doc().select("#p-publicName-error").text()).isEqualTo("Please fill in this field.");
        assertThat(pledges()).isZero();
    }

    @Test
    void aBotFillingTheHoneypotIsToldItWorkedAndNothingIsStored() {
        Map<String, String> values = valid();
        values.put("homepage", "http://bot.example");
        Browser.Page page = pledger().submit(form(), "form.pledge-form", values);

        assertThat(page.status()).isEqualTo(302);
        assertThat(pledges()).isZero();
    }

    @Test
    void oneAddressMaySendOnlyAFewPledgesInTenMinutes() {
        Browser flood = anotherBrowser().from(uniqueIp());
        for (int i = 0; i < 5; i++) {
            Map<String, String> values = valid();
            assertThat(flood.submit(flood.get("/en/fundraisers/" + fundraiser.slug() + "/pledge"), "form.pledge-form", values)
                    .status()).isEqualTo(302);
        }
        Browser.Page refused = flood.submit(flood.get("/en/fundraisers/" + fundraiser.slug() + "/pledge"), "form.pledge-form", valid());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.doc().text()).contains("Too many pledges from your connection.");
        assertThat(pledges()).isEqualTo(5);
    }

    @Test
    void aDraftHasNoPledgeFormAndAClosedFundraiserTakesNoPledges() {
        long draft = fundraisers.create(new Fundraisers.NewFundraiser("d-" + UUID.randomUUID().toString().substring(0, 8),
                "Draft", "Not yet", "EUR", "", "", "IBAN"));
        assertThat(anotherBrowser().open("/fundraisers/" + fundraisers.find(draft).orElseThrow().slug() + "/pledge").status())
                .isEqualTo(404);

        Browser reader = pledger();
        Browser.Page form = form();
        fundraisers.change(fundraiser.id(), new Fundraisers.Settings(fundraiser.title(), fundraiser.summary(), "60000", "",
                fundraiser.howToGive(), "CLOSED"));
        Browser.Page refused = reader.submit(form, "form.pledge-form", valid());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.doc().text()).contains("This fundraiser takes no more pledges.");
        assertThat(pledges()).isZero();
    }

    @Test
    void anUnknownOrUsedUpConfirmationLinkSaysSoWithoutAnError() {
        Browser.Page page = anotherBrowser().open("/fundraisers/pledges/confirm/not-a-token");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.doc().text()).doesNotContain("Exception", "Something went wrong");
    }

    private Browser.Page form() {
        return pledger().open("/fundraisers/" + fundraiser.slug() + "/pledge");
    }

    private static Map<String, String> valid() {
        return new HashMap<>(Map.of("amount", "25", "currency", "EUR", "display", "ANONYMOUS",
                "email", "pledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"));
    }

    private long pledges() {
        return db.sql("SELECT COUNT(*) FROM pledge WHERE fundraiser_id = :f").param("f", fundraiser.id()).query(Long.class).single();
    }

    /** A reader of its own address, so that no test meets another's limit. */
    private Browser pledger() {
        return anotherBrowser().from(uniqueIp());
    }
}
