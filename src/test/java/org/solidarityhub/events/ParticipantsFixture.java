package org.solidarityhub.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.springframework.context.ApplicationContext;

/** Events with a sign-up ("I'm going" with an email) for the participants' tests, in Poland, in a running campaign. */
final class ParticipantsFixture {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final String BASE = "http://hub.test";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private ParticipantsFixture() {
    }

    /** An approved sign-up event: its id, management token, title and local start. */
    record SignUpEvent(long id, String token, String title, ZonedDateTime start, String campaignSlug) {
    }

    /**
     * An approved event in a city of Poland starting {@code startsIn} from now (the application's clock), in the zone
     * Europe/Warsaw, lasting two hours, with a sign-up whose participants get a hidden place {@code hours} before.
     */
    static SignUpEvent event(ApplicationContext context, String campaignSlug, String title, Duration startsIn, String city,
                             String visibility, int hours) {
        Instant now = context.getBean(Clock.class).instant();
        ZonedDateTime start = now.plus(startsIn).atZone(WARSAW).truncatedTo(ChronoUnit.MINUTES);
        Campaign campaign = context.getBean(Campaigns.class).bySlug(campaignSlug).orElseThrow();
        SubmitEvent submission = EventsFixture.event(title, "DEMONSTRATION", LOCAL.format(start), LOCAL.format(start.plusHours(2)),
                "Europe/Warsaw", city, "PL", visibility);
        EventRules.Outcome outcome = context.getBean(EventRules.class).check(submission, campaign, Locale.ENGLISH, true);
        if (!outcome.valid()) {
            throw new AssertionError(outcome.errors());
        }
        Events events = context.getBean(Events.class);
        Events.Submitted submitted = events.submit(campaign, outcome.draft(), outcome.contactEmail(), Locale.ENGLISH,
                new GoingChoice(GoingMode.SIGN_UP, hours));
        events.confirm(submitted.token());
        events.approve(submitted.id(), context.getBean(EventStore.class).find(submitted.id()).orElseThrow().pending().id());
        return new SignUpEvent(submitted.id(), submitted.token(), title, start, campaignSlug);
    }

    static SignUpEvent event(ApplicationContext context, String title, Duration startsIn, String visibility, int hours) {
        return event(context, campaignSlug(context), title, startsIn, "Kraków", visibility, hours);
    }

    /**
     * A new campaign running from two days ago (the application's clock) for nine days, so that events of the next
     * days fall on its days; it started before the campaigns other tests make "current", so it never takes their place.
     */
    static String campaignSlug(ApplicationContext context) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(context.getBean(Clock.class).instant(), java.time.ZoneOffset.UTC);
        return context.getBean(Campaigns.class).createIfAbsent("signup-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                today.minusDays(2), today.plusDays(7), Map.of(
                        "en", new Campaign.Text("Test week of action", "A campaign of a test."),
                        "uk", new Campaign.Text("Тестовий тиждень дій", "Кампанія тесту."))).slug();
    }

    /** Signs up through the form of the event's page in a language; returns the answer (a redirect when accepted). */
    static Browser.Page signUp(Browser reader, String language, long eventId, String name, String email) {
        Browser.Page page = reader.open("/" + language + "/events/" + eventId);
        if (page.doc().select("form.sign-up-form").isEmpty()) {
            throw new AssertionError("no sign-up form on event " + eventId + ":\n" + page.body());
        }
        return reader.submit(page, "form.sign-up-form", Map.of("name", name, "email", email));
    }

    /** The path of the first link in a mail that starts with the given path (after the site's address). */
    static String path(MimeMessage mail, String prefix) {
        return TestMailServer.link(mail, BASE + prefix).substring(BASE.length());
    }

    /** Confirms from the n-th mail (1-based) to an address: opens the link (GET changes nothing), presses the button. */
    static Browser.Page confirm(Browser reader, String email, String language) {
        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        Browser.Page page = reader.open(path(mail, "/" + language + "/events/going/confirm/"));
        return reader.submit(page, "form.confirm-form", Map.of());
    }
}
