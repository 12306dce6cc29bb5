package org.solidarityhub.fundraising;

import java.util.Map;
import java.util.UUID;

import org.solidarityhub.test.Browser;

/** Steps of the treasurers' pages that several tests take. */
final class FundraisingStaffSupport {

    private FundraisingStaffSupport() {
    }

    /** Creates a fundraiser through the form and returns its id. */
    static long fundraiser(Browser treasurer, String baseCurrency, String goal) {
        Browser.Page list = treasurer.get("/staff/fundraising");
        Browser.Page created = treasurer.submit(list, "form[action$=/staff/fundraising]", Map.of(
                "slug", "f-" + UUID.randomUUID().toString().substring(0, 8), "title", "Operation Solidarity",
                "baseCurrency", baseCurrency, "goal", goal, "howToGive", "IBAN UA00 0000"));
        if (created.status() != 302) {
            throw new AssertionError("not created: " + created.status() + "\n" + created.body());
        }
        return Long.parseLong(created.location().replaceAll(".*/", ""));
    }
}
