package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class EventsSubmissionTest extends WebTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    StaffFixture staff;

    @Autowired
    EventStore store;

    @Autowired
    Events events;

    @Autowired
    org.solidarityhub.submissions.Retention retention;

    Campaign campaign;

    @BeforeEach
    void campaign() {
        campaign = EventsFixture.newCampaign(campaigns);
    }

    @Test
    void aNewUserSubmitsWithoutJavaScriptConfirmsFromTheEmailAndAModeratorApproves() throws Exception {
        String email = uniqueEmail("organizer");
        String title = EventsFixture.title("Peace for Ukraine");
        Map<String, Object> fields = EventsFixture.brussels(title, email);
        fields.put("organizationName", List.of("Promote Ukraine", "New group " + title, ""));
        fields.put("organizationCountry", List.of("BE", "", ""));
        Browser.Page sent = EventsFixture.submit(browser, campaign, fields);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/events/submitted");
        assertThat(browser.follow(sent).text("h1")).isEqualTo("Check your email");
        assertThat(browser.cookie("JSESSIONID")).isEmpty();

        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Please confirm your event: " + title);
        String path = TestMailServer.link(mail, "http://hub.test/events/manage/").substring("http://hub.test".length());
        long id = eventIdByTitle(title);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(EventStatus.UNCONFIRMED);

        // opening the link does not confirm (mail scanners open links); the POST button does
        Browser person = anotherBrowser();
        Browser.Page manage = person.get(path);
        assertThat(manage.status()).isEqualTo(200);
        assertThat(manage.header("Cache-Control")).contains("no-store");
        assertThat(manage.text(".status")).isEqualTo("Waiting for your confirmation");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(EventStatus.UNCONFIRMED);
        StaffFixture.Member moderator = staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR);
        Browser staffBrowser = anotherBrowser();
        staff.signIn(staffBrowser, moderator);
        assertThat(staffBrowser.get("/staff/events").body()).doesNotContain(title);

        Browser.Page confirmed = person.follow(person.submit(manage, "form.confirm-form"));
        assertThat(confirmed.text(".notice")).startsWith("Thank you! Your event is confirmed");
        assertThat(confirmed.text(".status")).isEqualTo("Waiting for a moderator");

        Browser.Page queue = staffBrowser.get("/staff/events");
        assertThat(queue.text("#event-" + id)).contains(title).contains("New event");
        Browser.Page review = staffBrowser.get("/staff/events/" + id);
        assertThat(review.body()).contains(email).contains("Koning Albert II Laan").contains("Europe/Brussels");
        // a new co-organizing organization can be verified with the approval
        String newOrganization = db.sql("SELECT o.id FROM organization o JOIN event_organization eo ON eo.organization_id = o.id "
                + "JOIN event e ON e.pending_revision = eo.revision_id WHERE e.id = :id AND o.name = :name")
                .param("id", id).param("name", "New group " + title).query(String.class).single();
        Browser.Page approved = staffBrowser.follow(staffBrowser.submit(review, "form.approve-form", Map.of("verify", newOrganization)));
        assertThat(approved.text(".notice")).isEqualTo("The event is published.");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(EventStatus.APPROVED);

        MimeMessage published = TestMailServer.await(email, 2, Duration.ofSeconds(10)).get(1);
        assertThat(published.getSubject()).isEqualTo("Your event is published: " + title);
        assertThat(TestMailServer.body(published)).contains("http://hub.test/events/" + id);
        assertThat(actionsOn(id)).contains("events.submitted", "events.confirmed", "events.approved");
        assertThat(auditDetails(id)).noneMatch(d -> d != null && d.contains(email));

        // now it is everywhere the public looks: the list, the map's data, the calendar and both feeds
        Browser reader = anotherBrowser();
        assertThat(reader.get("/events?campaign=" + campaign.slug()).doc().select(".event-list a").eachText()).contains(title);
        assertThat(reader.get("/api/v1/campaigns/" + campaign.slug() + "/events.geojson").body()).contains(title);
        assertThat(reader.get("/events/calendar?campaign=" + campaign.slug()).text("#day-2027-02-25")).contains(title);
        assertThat(reader.get("/api/v1/campaigns/" + campaign.slug() + "/events.ics").body().replace("\r\n ", "")).contains("SUMMARY:" + title);
        assertThat(reader.get("/api/v1/campaigns/" + campaign.slug() + "/events.atom").body()).contains("<title>" + title + "</title>");
        Browser.Page page = reader.get("/events/" + id);
        assertThat(page.text("h1")).isEqualTo(title);
        assertThat(page.doc().select(".organizations a").eachAttr("href")).contains("/organizations/" + newOrganization);
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'organizations.verified' AND target_id = :id")
                .param("id", newOrganization).query(Long.class).single()).isEqualTo(1);
        assertThat(page.body()).doesNotContain(email);
    }

    @Test
    void contactEmailsAreErasedOnceTheRetentionAfterTheEventHasPassed() {
        String email = uniqueEmail("retention");
        String title = EventsFixture.title("Retention");
        EventsFixture.submit(browser, campaign, EventsFixture.brussels(title, email));
        long id = eventIdByTitle(title);
        events.confirm(managePath(email).substring("/events/manage/".length()));
        Draft draft = store.find(id).orElseThrow().pending().draft();
        store.eraseContacts(draft.endsAt());
        assertThat(store.find(id).orElseThrow().contactEmail()).isEqualTo(email);
        store.eraseContacts(draft.endsAt().plusSeconds(1));
        assertThat(store.find(id).orElseThrow().contactEmail()).isNull();
    }

    @Test
    void aModeratorRejectsWithAReasonThatIsEmailedInTheSubmittersLanguage() throws Exception {
        String email = uniqueEmail("rejected");
        String title = EventsFixture.title("Мітинг");
        Browser ukrainian = anotherBrowser().acceptLanguage("uk");
        Browser.Page sent = EventsFixture.submit(ukrainian, campaign, EventsFixture.brussels(title, email));
        assertThat(sent.status()).isEqualTo(302);
        long id = confirmFromMail(email, title);

        Browser moderator = signedInModerator();
        Browser.Page review = moderator.get("/staff/events/" + id);
        Browser.Page noReason = moderator.submit(review, "form.reject-form", Map.of("reason", "  "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text(".alert")).contains("Please give a reason");
        Browser.Page rejected = moderator.follow(moderator.submit(review, "form.reject-form", Map.of("reason", "This is not part of the campaign.")));
        assertThat(rejected.text(".notice")).isEqualTo("The submitter was told why.");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(EventStatus.REJECTED);

        MimeMessage mail = TestMailServer.await(email, 2, Duration.ofSeconds(10)).get(1);
        assertThat(mail.getSubject()).isEqualTo("Вашу подію не прийнято: " + title);
        assertThat(EventsFixture.text(mail)).contains("This is not part of the campaign.");
        assertThat(actionsOn(id)).contains("events.rejected");
    }

    @Test
    void changesOfTitleTimeOrPlaceAfterApprovalWaitForAModeratorWhileTheOldVersionStaysPublic() throws Exception {
        String email = uniqueEmail("editor");
        String title = EventsFixture.title("Rally");
        Browser person = anotherBrowser();
        EventsFixture.submit(person, campaign, EventsFixture.brussels(title, email));
        String path = managePath(email);
        person.submit(person.get(path), "form.confirm-form");
        long id = eventIdByTitle(title);
        long revision = store.find(id).orElseThrow().pending().id();
        assertThat(events.approve(id, revision)).isTrue();

        // a new start time: queued, the published version stays
        Browser.Page manage = person.get(path);
        Browser.Page saved = person.follow(person.submit(manage, "form.edit-form", Map.of("start", "2027-02-25T14:00", "title", title + " (moved)")));
        assertThat(saved.text(".notice")).startsWith("Your change of title, time or place waits for a moderator");
        StoredEvent event = store.find(id).orElseThrow();
        assertThat(event.status()).isEqualTo(EventStatus.APPROVED);
        assertThat(event.published().draft().title()).isEqualTo(title);
        assertThat(event.published().draft().startsLocal().getHour()).isEqualTo(13);
        assertThat(event.pending().draft().startsLocal().getHour()).isEqualTo(14);

        Browser moderator = signedInModerator();
        Browser.Page review = moderator.get("/staff/events/" + id);
        assertThat(review.text("h1")).isEqualTo(title + " (moved)");
        assertThat(review.doc().select("td.changed").eachText()).contains(title + " (moved)", "2027-02-25 14:00 Europe/Brussels");
        moderator.submit(review, "form.approve-form");
        event = store.find(id).orElseThrow();
        assertThat(event.published().draft().title()).isEqualTo(title + " (moved)");
        assertThat(event.pending()).isNull();
        assertThat(actionsOn(id)).contains("events.change-submitted", "events.change-approved");

        // a new description only: published at once
        Browser.Page minor = person.follow(person.submit(person.get(path), "form.edit-form", Map.of("description", "New words.")));
        assertThat(minor.text(".notice")).isEqualTo("Your changes are saved.");
        assertThat(store.find(id).orElseThrow().published().draft().description()).isEqualTo("New words.");
        assertThat(store.find(id).orElseThrow().pending()).isNull();
    }

    @Test
    void aRejectedChangeLeavesThePublishedVersionAsItWas() throws Exception {
        String email = uniqueEmail("change-rejected");
        String title = EventsFixture.title("Vigil");
        Browser person = anotherBrowser();
        EventsFixture.submit(person, campaign, EventsFixture.brussels(title, email));
        String path = managePath(email);
        person.submit(person.get(path), "form.confirm-form");
        long id = eventIdByTitle(title);
        events.approve(id, store.find(id).orElseThrow().pending().id());
        person.submit(person.get(path), "form.edit-form", Map.of("city", "Antwerp", "latitude", "", "longitude", ""));
        long pending = store.find(id).orElseThrow().pending().id();
        assertThat(store.find(id).orElseThrow().pending().draft().city()).isEqualTo("Antwerpen");

        // a moderator who reviewed an older version cannot approve the newer one blindly
        assertThat(events.approve(id, pending + 1000)).isFalse();
        assertThat(events.reject(id, pending, "Please keep the place.")).isTrue();
        StoredEvent event = store.find(id).orElseThrow();
        assertThat(event.status()).isEqualTo(EventStatus.APPROVED);
        assertThat(event.published().draft().city()).isEqualTo("Brussels");
        assertThat(event.pending()).isNull();
        MimeMessage mail = TestMailServer.await(email, 3, Duration.ofSeconds(10)).get(2);
        assertThat(mail.getSubject()).isEqualTo("Your change was not accepted: " + title);
    }

    @Test
    void theSubmitterCancelsThroughTheLink() {
        String email = uniqueEmail("cancel");
        String title = EventsFixture.title("Concert");
        Browser person = anotherBrowser();
        EventsFixture.submit(person, campaign, EventsFixture.brussels(title, email));
        String path = managePath(email);
        person.submit(person.get(path), "form.confirm-form");
        Browser.Page cancelled = person.follow(person.submit(person.get(path), "form.cancel-form"));
        assertThat(cancelled.text(".notice")).isEqualTo("The event is cancelled.");
        assertThat(cancelled.text(".status")).isEqualTo("Cancelled");
        assertThat(cancelled.doc().select("form.edit-form")).isEmpty();
        long id = eventIdByTitle(title);
        assertThat(actionsOn(id)).contains("events.cancelled");
        // posted by a page of another site: refused
        Browser attacker = org.solidarityhub.test.CrossSite.sending(anotherBrowser(), new String[] {"Sec-Fetch-Site", "cross-site"});
        assertThat(attacker.post(path + "/cancel", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void unconfirmedSubmissionsExpireAfterSevenDays() {
        String email = uniqueEmail("expires");
        String title = EventsFixture.title("Screening");
        EventsFixture.submit(browser, campaign, EventsFixture.brussels(title, email));
        String path = managePath(email);
        long id = eventIdByTitle(title);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Browser.Page expired = anotherBrowser().get(path);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.text(".lead")).isEqualTo("This link is unknown, was already used or has expired.");
        retention.run();
        assertThat(store.find(id)).isEmpty();
        assertThat(actionsOn(id)).contains("events.expired");
        assertThat(anotherBrowser().get("/events/manage/not-a-token").status()).isEqualTo(404);
    }

    @Test
    void theTimeZoneComesFromThePlaceAndLocalNamesAreUnderstood() {
        String email = uniqueEmail("kyiv");
        String title = EventsFixture.title("Kyiv");
        Map<String, Object> fields = EventsFixture.brussels(title, email);
        fields.putAll(Map.of("city", "Kiev", "country", "UA", "latitude", "", "longitude", "", "address", ""));
        assertThat(EventsFixture.submit(browser, campaign, fields).status()).isEqualTo(302);
        Draft kyiv = store.find(eventIdByTitle(title)).orElseThrow().pending().draft();
        assertThat(kyiv.city()).isEqualTo("Kyiv");
        assertThat(kyiv.zone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
        assertThat(kyiv.latitude().doubleValue()).isBetween(50.4, 50.5);
        assertThat(kyiv.start().getOffset().getTotalSeconds()).isEqualTo(2 * 3600);

        String title2 = EventsFixture.title("Bruxelles");
        Map<String, Object> french = EventsFixture.brussels(title2, email);
        french.putAll(Map.of("city", "Bruxelles", "latitude", "", "longitude", ""));
        EventsFixture.submit(browser, campaign, french);
        Draft brussels = store.find(eventIdByTitle(title2)).orElseThrow().pending().draft();
        assertThat(brussels.city()).isEqualTo("Brussels");
        assertThat(brussels.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));

        // the submitter can choose another zone
        String title3 = EventsFixture.title("Chosen zone");
        Map<String, Object> chosen = EventsFixture.brussels(title3, email);
        chosen.put("timezone", "Europe/Kyiv");
        EventsFixture.submit(browser, campaign, chosen);
        assertThat(store.find(eventIdByTitle(title3)).orElseThrow().pending().draft().zone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
    }

    @Test
    void placesAreIdentifiedByCoordinatesAndAddressNeverByName() {
        String email = uniqueEmail("places");
        String a = EventsFixture.title("Town hall A");
        String b = EventsFixture.title("Town hall B");
        String c = EventsFixture.title("Town hall C");
        Map<String, Object> first = EventsFixture.brussels(a, email);
        first.putAll(Map.of("venue", "City Hall", "address", "Main Square 1", "city", "Birmingham", "country", "GB",
                "latitude", "52.4796", "longitude", "-1.9026"));
        Map<String, Object> second = EventsFixture.brussels(b, email);
        second.putAll(Map.of("venue", "City Hall", "address", "Main Square 1", "city", "Birmingham", "country", "US",
                "latitude", "33.5186", "longitude", "-86.8104"));
        Map<String, Object> third = new java.util.HashMap<>(first);
        third.put("title", c);
        EventsFixture.submit(browser, campaign, first);
        EventsFixture.submit(browser, campaign, second);
        EventsFixture.submit(browser, campaign, third);
        long placeA = placeOf(a);
        long placeB = placeOf(b);
        assertThat(placeA).isNotEqualTo(placeB);
        assertThat(placeOf(c)).isEqualTo(placeA);
        assertThat(store.find(eventIdByTitle(b)).orElseThrow().pending().draft().zone()).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void speakerRequestsAppearOnAStaffPageForModeratorsOnly() {
        String email = uniqueEmail("speaker");
        String title = EventsFixture.title("Panel");
        Map<String, Object> fields = EventsFixture.brussels(title, email);
        fields.put("speakerRequested", "true");
        fields.put("type", "PANEL_OR_DISCUSSION");
        Browser person = anotherBrowser();
        EventsFixture.submit(person, campaign, fields);
        person.submit(person.get(managePath(email)), "form.confirm-form");
        Browser.Page speakers = signedInModerator().get("/staff/events/speakers");
        assertThat(speakers.text("table.speakers")).contains(title).contains(email);

        Browser editor = anotherBrowser();
        staff.signIn(editor, staff.member(uniqueEmail("editor"), StaffRole.EDITOR));
        assertThat(editor.get("/staff/events").status()).isEqualTo(403);
        assertThat(editor.get("/staff/events/speakers").status()).isEqualTo(403);
        assertThat(anotherBrowser().get("/staff/events").location()).endsWith("/staff/login");
    }

    @Test
    void directionOverridesInOneLineFieldsAreRefusedWithTheFieldMarked() {
        String message = "Please remove the invisible characters that change the direction of the text.";
        for (String field : List.of("title", "venue", "address", "city", "organizers")) {
            Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Bidi"), uniqueEmail("bidi"));
            fields.put(field, "Peace \u202Erof " + field);
            Browser.Page page = EventsFixture.submit(browser, campaign, fields);
            assertThat(page.status()).as(field).isEqualTo(400);
            assertThat(page.text("#" + field + "-error")).as(field).isEqualTo(message);
            assertThat(page.doc().selectFirst("#" + field).attr("aria-invalid")).as(field).isEqualTo("true");
            assertThat(page.doc().selectFirst("#" + field).attr("aria-describedby")).as(field).contains(field + "-error");
        }
    }

    @Test
    void theFormsLimitsAreTheLimitsTheServerChecks() {
        var form = browser.get("/events/new?campaign=" + campaign.slug()).doc();
        assertThat(form.selectFirst("#title").attr("maxlength")).isEqualTo(String.valueOf(EventRules.TITLE_LIMIT));
        assertThat(form.selectFirst("#description").attr("maxlength")).isEqualTo(String.valueOf(EventRules.DESCRIPTION_LIMIT));
        assertThat(form.selectFirst("#city").attr("maxlength")).isEqualTo(String.valueOf(PlaceRules.CITY_LIMIT));
        assertThat(form.selectFirst("#onlineUrl").attr("maxlength")).isEqualTo(String.valueOf(PlaceRules.URL_LIMIT));
        assertThat(form.selectFirst("#latitude").attr("maxlength")).isEqualTo(String.valueOf(PlaceRules.COORDINATE_LIMIT));
        assertThat(form.selectFirst("#organizers").attr("maxlength")).isEqualTo(String.valueOf(EventRules.ORGANIZERS_LIMIT));
        assertThat(form.selectFirst("#accessibility").attr("maxlength")).isEqualTo(String.valueOf(EventRules.ACCESSIBILITY_LIMIT));
    }

    @Test
    void harmlessAngleBracketsAndMarkdownAutolinksAreAccepted() {
        Map<String, Object> fields = EventsFixture.brussels(EventsFixture.title("Peace > war, a < b"), uniqueEmail("autolink"));
        fields.put("description", "Details at <https://example.org/vigil> or write to <info@example.org>. 2 < 3.");
        fields.put("organizers", "Friends of Ukraine <3");
        Browser.Page page = EventsFixture.submit(browser, campaign, fields);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        assertThat(page.location()).endsWith("/events/submitted");
    }

    @Test
    void badInputComesBackWith400AFieldMessageAndTheInputKeptAndNothingIsStored() {
        String email = uniqueEmail("bad");
        String title = EventsFixture.title("Bad");
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("The end must be after the start.", Map.of("end", "2027-02-25T12:00"));
        cases.put("This date is outside the range we accept: from 30 days ago to 3 years ahead.", Map.of("start", "2099-02-25T12:00", "end", "2099-02-25T13:00"));
        cases.put("Please enter a date and time such as 2027-02-25T13:00.", Map.of("start", "25/02/2027 13:00"));
        cases.put("An event can last at most 31 days.", Map.of("end", "2027-04-25T12:00"));
        cases.put("Please choose a country from the list.", Map.of("country", "XX"));
        cases.put("This is not a time zone we know. Please choose one from the list.", Map.of("timezone", "Mars/Olympus"));
        cases.put("This is too long: at most 200 characters.", Map.of("title", "x".repeat(201)));
        cases.put("HTML and script are not allowed here. Please write plain text (the description may use Markdown).", Map.of("organizers", "<script>alert(1)</script>"));
        cases.put("Please enter a number between -90 and 90, with a dot for decimals.", Map.of("latitude", "91"));
        cases.put("Please enter a number between -180 and 180, with a dot for decimals.", Map.of("longitude", "4,35"));
        cases.put("Please enter both latitude and longitude, or neither.", Map.of("longitude", ""));
        cases.put("We could not find this city in this country. Check the spelling, try the name in English, or enter the coordinates.",
                Map.of("city", "Nowhereville", "latitude", "", "longitude", ""));
        cases.put("Please choose one of the listed kinds of event.", Map.of("type", "PARTY"));
        cases.put("Please enter a valid email address.", Map.of("contactEmail", "not-an-email"));
        cases.put("Please enter a web address that starts with https:// or http://.", Map.of("mode", "online", "onlineUrl", "javascript:alert(1)"));
        cases.put("This time does not exist in Europe/Brussels: the clocks change then. Please choose another time.",
                Map.of("start", "2027-03-28T02:30", "end", "2027-03-28T04:00"));
        for (var c : cases.entrySet()) {
            Map<String, Object> fields = EventsFixture.brussels(title, email);
            fields.putAll(c.getValue());
            Browser.Page page = EventsFixture.submit(browser, campaign, fields);
            assertThat(page.status()).as(c.getKey()).isEqualTo(400);
            assertThat(page.doc().select(".field-error").eachText()).as(c.getValue().toString()).contains(c.getKey());
            assertThat(page.text(".alert")).isEqualTo("Some fields need your attention. Nothing was stored yet.");
            assertThat(page.doc().selectFirst("#organizers").attr("value")).isEqualTo(String.valueOf(fields.get("organizers")));
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        }
        // in Ukrainian too
        Map<String, Object> fields = EventsFixture.brussels(title, email);
        fields.put("end", "2027-02-25T12:00");
        Browser.Page ukrainian = EventsFixture.submit(anotherBrowser().acceptLanguage("uk"), campaign, fields);
        assertThat(ukrainian.doc().select(".field-error").eachText()).contains("Кінець має бути пізніше за початок.");
        assertThat(db.sql("SELECT COUNT(*) FROM event WHERE contact_email = :email").param("email", email).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :email").param("email", email).query(Long.class).single()).isZero();
    }

    @Test
    void submissionsAreRateLimitedPerAddressButACoordinatorCanEnterACitysEvents() {
        Browser coordinator = anotherBrowser().from("198.51.100." + (10 + new java.util.Random().nextInt(200)));
        String email = uniqueEmail("coordinator");
        for (int i = 0; i < 30; i++) {
            Browser.Page page = EventsFixture.submit(coordinator, campaign, EventsFixture.brussels(EventsFixture.title("Event " + i), email));
            assertThat(page.status()).as("submission " + i).isEqualTo(302);
        }
        Browser.Page limited = EventsFixture.submit(coordinator, campaign, EventsFixture.brussels(EventsFixture.title("One too many"), email));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text(".lead")).isEqualTo("You have submitted many events in a short time. Please wait a few minutes and try again.");
        // someone else is not affected
        assertThat(EventsFixture.submit(anotherBrowser().from("198.51.100.250"), campaign,
                EventsFixture.brussels(EventsFixture.title("Other"), uniqueEmail("other"))).status()).isEqualTo(302);
    }

    // ---- helpers

    private Browser signedInModerator() {
        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        return moderator;
    }

    private String managePath(String email) {
        MimeMessage mail = TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst();
        return EventsFixture.link(mail, "http://hub.test/events/manage/").substring("http://hub.test".length());
    }

    private long confirmFromMail(String email, String title) {
        Browser person = anotherBrowser();
        String path = managePath(email);
        person.submit(person.get(path), "form.confirm-form");
        return eventIdByTitle(title);
    }

    private long eventIdByTitle(String title) {
        return db.sql("SELECT event_id FROM event_revision WHERE title = :title ORDER BY id LIMIT 1")
                .param("title", title).query(Long.class).single();
    }

    private long placeOf(String title) {
        return db.sql("SELECT place_id FROM event_revision WHERE title = :title").param("title", title).query(Long.class).single();
    }

    private List<String> actionsOn(long id) {
        return db.sql("SELECT action FROM audit_event WHERE target_type = 'event' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list();
    }

    private List<String> auditDetails(long id) {
        return db.sql("SELECT detail FROM audit_event WHERE target_type = 'event' AND target_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list();
    }
}
