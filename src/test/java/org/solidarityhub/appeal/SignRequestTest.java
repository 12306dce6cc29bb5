package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.Countries;

class SignRequestTest {

    private final Countries countries = new Countries();

    private static SignRequest individual(String name) {
        return new SignRequest(SignRequest.Kind.INDIVIDUAL, name, "a@example.org", "BE", null, SignRequest.Display.FULL_NAME,
                null, false, null, null);
    }

    @Test
    void acceptsOrdinaryNamesInAnyScript() {
        assertThat(individual("Olena K.").problems(countries).keys()).isEmpty();
        assertThat(individual("Олена Коваленко").problems(countries).keys()).isEmpty();
        assertThat(individual("J. R. R. Tolkien").problems(countries).keys()).isEmpty();
        assertThat(individual("Anne-Marie O'Neil").problems(countries).keys()).isEmpty();
    }

    @Test
    void rejectsNamesWithWebAddresses() {
        assertThat(individual("Buy at cheap-pills.com now").problems(countries).keys()).containsEntry("name", "appeal.error.webAddress");
        assertThat(individual("see https://x.y").problems(countries).keys()).containsEntry("name", "appeal.error.webAddress");
        assertThat(individual("www.example").problems(countries).keys()).containsEntry("name", "appeal.error.webAddress");
    }

    @Test
    void rejectsNamesThatStartLikeSpreadsheetFormulas() {
        for (String name : new String[]{"=1+1", "+380 50", "-Olena", "@olena"}) {
            assertThat(individual(name).problems(countries).keys()).containsEntry("name", "appeal.error.formula");
        }
    }

    @Test
    void rejectsMarkupInNamesAndComments() {
        assertThat(individual("<b>Olena</b>").problems(countries).keys()).containsEntry("name", "appeal.error.markup");
        SignRequest withComment = new SignRequest(SignRequest.Kind.INDIVIDUAL, "Olena", "a@example.org", "BE", null,
                SignRequest.Display.HIDDEN, "<script>alert(1)</script>", false, null, null);
        assertThat(withComment.problems(countries).keys()).containsEntry("comment", "appeal.error.markup");
        SignRequest heart = new SignRequest(SignRequest.Kind.INDIVIDUAL, "Olena", "a@example.org", "BE", null,
                SignRequest.Display.HIDDEN, "Slava Ukraini <3, and 2 < 3", false, null, null);
        assertThat(heart.problems(countries).keys()).isEmpty();
    }

    @Test
    void organizationsNeedNameCountryContactAndAValidWebsite() {
        SignRequest organization = new SignRequest(SignRequest.Kind.ORGANIZATION, "", "nope", "XX", null, null, null, false,
                "", "javascript:alert(1)");
        assertThat(organization.problems(countries).keys()).containsOnlyKeys("organization.name", "organization.website",
                "contactName", "email", "organization.country");
    }
}
