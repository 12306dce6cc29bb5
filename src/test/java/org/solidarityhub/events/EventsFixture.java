package org.solidarityhub.events;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.solidarityhub.test.Browser;

/** Helpers shared by the events tests: a campaign of their own, and a valid form to vary. */
public final class EventsFixture {

    private EventsFixture() {
    }

    static Campaign newCampaign(Campaigns campaigns) {
        return newCampaign(campaigns, LocalDate.of(2027, 3, 3));
    }

    /** A new campaign from 24 February 2027 to the given day (events must start on one of its days). */
    static Campaign newCampaign(Campaigns campaigns, LocalDate endsOn) {
        return campaigns.createIfAbsent("test-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.of(2027, 2, 24), endsOn, Map.of(
                        "en", new Campaign.Text("Test week of action", "A campaign of a test."),
                        "uk", new Campaign.Text("Тестовий тиждень дій", "Кампанія тесту.")));
    }

    /**
     * A new campaign running from today (the application's clock) for a week, or until 3 March 2027 if that is later
     * (so that the fixture's events of 25 February 2027 fall on its days), and so the current one (the newest of the
     * running campaigns, whatever campaigns other tests made); returns its slug.
     */
    public static String runningCampaignSlug(org.springframework.context.ApplicationContext context) {
        LocalDate today = LocalDate.ofInstant(context.getBean(java.time.Clock.class).instant(), java.time.ZoneOffset.UTC);
        return context.getBean(Campaigns.class).createIfAbsent("running-" + UUID.randomUUID().toString().substring(0, 8),
                today, java.util.Collections.max(List.of(today.plusDays(7), LocalDate.of(2027, 3, 3))), Map.of(
                        "en", new Campaign.Text("Test week of action", "A campaign of a test."),
                        "uk", new Campaign.Text("Тестовий тиждень дій", "Кампанія тесту."))).slug();
    }

    /** A new campaign of exactly a week from today (the application's clock); returns its slug. */
    public static String weekFromTodaySlug(org.springframework.context.ApplicationContext context) {
        LocalDate today = LocalDate.ofInstant(context.getBean(java.time.Clock.class).instant(), java.time.ZoneOffset.UTC);
        return context.getBean(Campaigns.class).createIfAbsent("week-" + UUID.randomUUID().toString().substring(0, 8),
                today, today.plusDays(7), Map.of("en", new Campaign.Text("Test week of action", "A campaign of a test."))).slug();
    }

    /** A new campaign (24 February to 3 March 2027) for tests of other features; returns its slug. */
    public static String newCampaignSlug(org.springframework.context.ApplicationContext context) {
        return newCampaign(context.getBean(Campaigns.class)).slug();
    }

    /** The fields of a valid submission in Brussels, with a title of its own. */
    public static Map<String, Object> brussels(String title, String email) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("type", "DEMONSTRATION");
        fields.put("description", "We take to the **streets** against the Russian invasion.");
        fields.put("languages", "en, fr, nl");
        fields.put("start", "2027-02-25T13:00");
        fields.put("end", "2027-02-25T16:00");
        fields.put("timezone", "");
        fields.put("mode", "place");
        fields.put("venue", "");
        fields.put("address", "Koning Albert II Laan / Boulevard d'Anvers");
        fields.put("city", "Brussels");
        fields.put("country", "BE");
        fields.put("latitude", "50.8571");
        fields.put("longitude", "4.3592");
        fields.put("visibility", "PUBLIC");
        fields.put("organizers", "Promote Ukraine");
        fields.put("organizationName", List.of("Promote Ukraine", "", ""));
        fields.put("organizationCountry", List.of("BE", "", ""));
        fields.put("contactEmail", email);
        fields.put("accessibility", "Step-free.");
        return fields;
    }

    static Browser.Page submit(Browser browser, Campaign campaign, Map<String, Object> fields) {
        return submit(browser, campaign, fields, "en");
    }

    /** Submits the form of the page in a language ("uk": /uk/events/new). */
    static Browser.Page submit(Browser browser, Campaign campaign, Map<String, Object> fields, String language) {
        Browser.Page form = browser.get("/" + language + "/events/new?campaign=" + campaign.slug());
        if (form.status() != 200) {
            throw new AssertionError("form: " + form.status() + "\n" + form.body());
        }
        return browser.submit(form, "form.event-form", fields);
    }

    /** The decoded text of a mail (non-ASCII mails travel base64-encoded). */
    static String text(jakarta.mail.internet.MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first link in a mail that starts with the prefix. */
    static String link(jakarta.mail.internet.MimeMessage mail, String prefix) {
        String body = text(mail);
        int start = body.indexOf(prefix);
        if (start < 0) {
            throw new AssertionError("no link " + prefix + " in:\n" + body);
        }
        int end = start;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
            end++;
        }
        return body.substring(start, end);
    }

    /** A submission as the API takes it, in a city of the gazetteer. */
    static SubmitEvent event(String title, String type, String start, String end, String timezone, String city, String country,
                             String visibility) {
        return new SubmitEvent(title, type, "About " + title, List.of("en"), start, end, timezone,
                new SubmitEvent.Location("Venue of " + title, "Street 1", city, country, null, null, visibility), null,
                "Organizers of " + title, List.of(), "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "", false, "en");
    }

    /** Stores, confirms and approves an event directly; returns its id. */
    static long approved(EventRules rules, Events events, EventStore store, Campaign campaign, SubmitEvent submission) {
        EventRules.Outcome outcome = rules.check(submission, campaign, java.util.Locale.ENGLISH, true);
        if (!outcome.valid()) {
            throw new AssertionError(outcome.errors());
        }
        Events.Submitted submitted = events.submit(campaign, outcome.draft(), outcome.contactEmail(), java.util.Locale.ENGLISH);
        events.confirm(submitted.token());
        events.approve(submitted.id(), store.find(submitted.id()).orElseThrow().pending().id());
        return submitted.id();
    }

    /** Stores and confirms an event (waiting for a moderator); returns the token. */
    static Events.Submitted pending(EventRules rules, Events events, Campaign campaign, SubmitEvent submission) {
        EventRules.Outcome outcome = rules.check(submission, campaign, java.util.Locale.ENGLISH, true);
        Events.Submitted submitted = events.submit(campaign, outcome.draft(), outcome.contactEmail(), java.util.Locale.ENGLISH);
        events.confirm(submitted.token());
        return submitted;
    }

    static String title(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An approved event of a campaign of its own, for other features' tests: its id, management token and campaign. */
    public record ApprovedEvent(long id, String token, long campaignId, String campaignSlug) {
    }

    /** Stores, confirms and approves an event of the given kind in a city of the gazetteer, in a new campaign. */
    public static ApprovedEvent approvedEvent(org.springframework.context.ApplicationContext context, String type, String city,
                                              String country) {
        return approvedEvent(context, newCampaign(context.getBean(Campaigns.class)).slug(), type, city, country);
    }

    /** As {@link #approvedEvent(org.springframework.context.ApplicationContext, String, String, String)}, in a given campaign. */
    public static ApprovedEvent approvedEvent(org.springframework.context.ApplicationContext context, String campaignSlug,
                                              String type, String city, String country) {
        Campaign campaign = context.getBean(Campaigns.class).bySlug(campaignSlug).orElseThrow();
        Events events = context.getBean(Events.class);
        Events.Submitted submitted = pending(context.getBean(EventRules.class), events, campaign,
                event(title("Report test"), type, "2027-02-25T13:00", "2027-02-25T16:00", "", city, country, "PUBLIC"));
        events.approve(submitted.id(), context.getBean(EventStore.class).find(submitted.id()).orElseThrow().pending().id());
        return new ApprovedEvent(submitted.id(), submitted.token(), campaign.id(), campaign.slug());
    }

    /** Loads the events' demo content (the seed campaign and events); returns the campaign's slug. */
    /** An approved event two days from now with a sign-up, in a campaign of its own running now; its id. */
    public static long signUpEventId(org.springframework.context.ApplicationContext context, String title) {
        return ParticipantsFixture.event(context, title(title), java.time.Duration.ofDays(2), "PUBLIC", 2).id();
    }

    public static String loadDemo(org.springframework.context.ApplicationContext context) {
        return context.getBean(DemoContent.class).load().slug();
    }
}
