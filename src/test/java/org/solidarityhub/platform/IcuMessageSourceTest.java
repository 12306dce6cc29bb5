package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The interface's messages choose their words by the plural rules of each language (through ICU). */
class IcuMessageSourceTest {

    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final IcuMessageSource messages = new IcuMessageSource();

    @Test
    void countsInUkrainianTakeTheFormTheirNumberNeeds() {
        assertThat(count(1, 1, UKRAINIAN)).isEqualTo("1 акція у 1 країні");
        assertThat(count(2, 2, UKRAINIAN)).isEqualTo("2 акції у 2 країнах");
        assertThat(count(5, 5, UKRAINIAN)).isEqualTo("5 акцій у 5 країнах");
        assertThat(count(21, 1, UKRAINIAN)).isEqualTo("21 акція у 1 країні");
        assertThat(count(22, 3, UKRAINIAN)).isEqualTo("22 акції у 3 країнах");
        assertThat(count(11, 0, UKRAINIAN)).isEqualTo("11 акцій у жодній країні");
    }

    @Test
    void countsInEnglishHaveASingularAndAPlural() {
        assertThat(count(1, 1, Locale.ENGLISH)).isEqualTo("1 action in 1 country");
        assertThat(count(2, 0, Locale.ENGLISH)).isEqualTo("2 actions in no country");
        assertThat(count(1_234, 21, Locale.ENGLISH)).isEqualTo("1,234 actions in 21 countries");
    }

    @Test
    void aMessageWithoutArgumentsIsGivenAsWrittenAndAMissingOneFallsBackToEnglish() {
        assertThat(messages.getMessage("layout.nav.home", null, UKRAINIAN)).isEqualTo("Головна");
        assertThat(messages.getMessage("layout.nav.home", null, Locale.forLanguageTag("cs"))).isEqualTo("Home");
        assertThat(messages.getMessage("events.count", new Object[]{3, 2}, Locale.forLanguageTag("cs")))
                .isEqualTo("3 actions in 2 countries");
    }

    @Test
    void argumentsOfOtherMessagesAreFormattedAsBefore() {
        assertThat(messages.getMessage("fundraising.staff.receipt", new Object[]{1234, 3}, Locale.ENGLISH))
                .isEqualTo("Receipt 1234 (3 pages)");
        assertThat(messages.getMessage("fundraising.staff.receipt", new Object[]{7, 22}, UKRAINIAN))
                .isEqualTo("Чек 7 (22 сторінки)");
        assertThat(messages.getMessage("fundraising.staff.rateUsed",
                new Object[]{"USD", "0.9234", "EUR", java.time.LocalDate.of(2027, 2, 24), "ECB"}, Locale.ENGLISH))
                .isEqualTo("1 USD = 0.9234 EUR on 2027-02-24 (ECB)");
    }

    @Test
    void aCountGivenAsTextStillChoosesItsPluralForm() {
        assertThat(messages.getMessage("events.count", new Object[]{"21", "5"}, UKRAINIAN)).isEqualTo("21 акція у 5 країнах");
    }

    @Test
    void limitsInFieldMessagesAgreeWithTheirNumber() {
        assertThat(messages.getMessage("appeal.error.tooLong", new Object[]{1}, Locale.ENGLISH)).isEqualTo("Please use at most 1 character.");
        assertThat(messages.getMessage("appeal.error.tooLong", new Object[]{200}, Locale.ENGLISH)).isEqualTo("Please use at most 200 characters.");
        assertThat(messages.getMessage("appeal.error.tooLong", new Object[]{21}, UKRAINIAN)).isEqualTo("Будь ласка, не більше 21 символу.");
        assertThat(messages.getMessage("appeal.error.tooLong", new Object[]{200}, UKRAINIAN)).isEqualTo("Будь ласка, не більше 200 символів.");
        assertThat(messages.getMessage("events.error.tooLongEvent", new Object[]{2}, UKRAINIAN)).isEqualTo("Подія може тривати щонайбільше 2 дні.");
    }

    @Test
    void mailsSayHowManyDaysALinkWorksInTheFormOfTheNumber() {
        Object[] oneDay = {"Olena", "Editor", "https://hub.example/x", 1L};
        Object[] twoDays = {"Olena", "Editor", "https://hub.example/x", 2L};
        assertThat(messages.getMessage("mail.invitation.body", oneDay, Locale.ENGLISH)).contains("for 1 day)");
        assertThat(messages.getMessage("mail.invitation.body", twoDays, Locale.ENGLISH)).contains("for 2 days)");
        assertThat(messages.getMessage("mail.invitation.body", oneDay, UKRAINIAN)).contains("протягом 1 дня)");
        assertThat(messages.getMessage("mail.invitation.body", twoDays, UKRAINIAN)).contains("протягом 2 днів)");
    }

    private String count(int actions, int countries, Locale language) {
        return messages.getMessage("events.count", new Object[]{actions, countries}, language);
    }
}
