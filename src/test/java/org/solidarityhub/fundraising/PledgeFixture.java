package org.solidarityhub.fundraising;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;

/** Open fundraisers and confirmed pledges, for the pledge tests. */
final class PledgeFixture {

    private PledgeFixture() {
    }

    static Fundraiser openFundraiser(Fundraisers fundraisers, String currency) {
        String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String howToGive = "IBAN UA21 3223 1300 0002 6007 2335 6600 1, Operation Solidarity";
        long id = fundraisers.create(new Fundraisers.NewFundraiser(slug, "Operation Solidarity", "Vests and helmets",
                currency, "60000", "", howToGive));
        fundraisers.change(id, new Fundraisers.Settings("Operation Solidarity", "Vests and helmets", "60000", "", howToGive, "OPEN"));
        return fundraisers.find(id).orElseThrow();
    }

    /** Pledges through the public form (EUR, anonymous unless {@code fields} say otherwise), confirms; the reference. */
    static String confirmedPledge(Browser pledger, Fundraiser fundraiser, Map<String, String> fields) {
        String email = "pledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, String> values = new HashMap<>(Map.of("amount", "10", "currency", "EUR", "display", "ANONYMOUS",
                "email", email));
        values.putAll(fields);
        Browser.Page sent = pledger.submit(pledger.open("/fundraisers/" + fundraiser.slug() + "/pledge"), "form.pledge-form", values);
        if (sent.status() != 302) {
            throw new AssertionError("pledge not taken: " + sent.status() + "\n" + sent.doc().select(".field-error").text());
        }
        String link = TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/fundraisers/pledges/confirm/");
        Browser.Page confirm = pledger.get(link.replace("http://hub.test", ""));
        return pledger.submit(confirm, "form.confirm-form", Map.of()).doc().select(".reference").text();
    }
}
