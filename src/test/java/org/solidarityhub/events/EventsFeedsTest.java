package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.xml.sax.InputSource;

class EventsFeedsTest extends WebTest {

    static final String NASTY = "Rock & Roll, \"loud\"; back\\slash — Київ 🇺🇦";

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    Campaign campaign;
    Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void events() {
        campaign = EventsFixture.newCampaign(campaigns, java.time.LocalDate.of(2027, 3, 31));
        // across four zones, and across the nights the clocks change (New York 14 March, Europe 28 March 2027)
        add("kyiv", EventsFixture.event("Night in Kyiv", "CONCERT", "2027-03-27T22:00", "2027-03-28T05:00", null, "Kyiv", "UA", "PUBLIC"));
        add("brussels", EventsFixture.event("Peace for Ukraine", "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC"));
        add("brussels-dst", EventsFixture.event("Vigil through the night", "RALLY_OR_VIGIL", "2027-03-27T22:00", "2027-03-28T04:00", null, "Brussels", "BE", "PUBLIC"));
        add("new-york", EventsFixture.event("Vigil in New York", "RALLY_OR_VIGIL", "2027-03-13T22:00", "2027-03-14T04:00", null, "New York City", "US", "PUBLIC"));
        add("tokyo", EventsFixture.event("Exhibition in Tokyo", "EXHIBITION", "2027-02-25T11:00", "2027-02-25T18:00", null, "Tokyo", "JP", "CITY"));
        SubmitEvent nasty = EventsFixture.event(NASTY, "FUNDRAISER", "2027-02-26T19:00", "2027-02-26T23:00", null, "Kyiv", "UA", "PUBLIC");
        nasty = new SubmitEvent(nasty.title(), nasty.type(), "Line one,\nline two; with a backslash \\ and\r\nWindows lines. "
                + "Довгий український текст, щоб перевірити згортання рядків у форматі iCalendar: ".repeat(4) + "🙂",
                nasty.languages(), nasty.start(), nasty.end(), null, nasty.location(), null, "Organizers; with, commas",
                List.of(), nasty.contactEmail(), "", false, "en");
        add("nasty", nasty);
    }

    private void add(String key, SubmitEvent submission) {
        ids.put(key, EventsFixture.approved(rules, events, store, campaign, submission));
    }

    @Test
    void theCampaignCalendarIsValidRfc5545WithATimezonePerZoneAndRightTimesAcrossDaylightSaving() throws Exception {
        Browser.Page page = browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.ics");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/calendar");
        String ics = page.body();
        assertWellFormed(ics);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertValid(calendar, ics);
        List<CalendarComponent> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones.stream().map(z -> value(z, "TZID"))).containsExactlyInAnyOrder(
                "America/New_York", "Asia/Tokyo", "Europe/Brussels", "Europe/Kyiv");
        Map<String, Component> byTitle = new HashMap<>();
        for (CalendarComponent e : calendar.<CalendarComponent>getComponents("VEVENT")) {
            byTitle.put(value(e, "SUMMARY"), e);
        }
        assertThat(byTitle).hasSize(6);
        // every start and end, read through the calendar's own VTIMEZONE, is the instant the site means
        assertThat(instant(calendar, byTitle.get("Peace for Ukraine"), "DTSTART")).isEqualTo("2027-02-25T12:00:00Z");
        assertThat(instant(calendar, byTitle.get("Vigil through the night"), "DTSTART")).isEqualTo("2027-03-27T21:00:00Z");
        assertThat(instant(calendar, byTitle.get("Vigil through the night"), "DTEND")).isEqualTo("2027-03-28T02:00:00Z");
        assertThat(instant(calendar, byTitle.get("Night in Kyiv"), "DTSTART")).isEqualTo("2027-03-27T20:00:00Z");
        assertThat(instant(calendar, byTitle.get("Night in Kyiv"), "DTEND")).isEqualTo("2027-03-28T02:00:00Z");
        assertThat(instant(calendar, byTitle.get("Vigil in New York"), "DTSTART")).isEqualTo("2027-03-14T03:00:00Z");
        assertThat(instant(calendar, byTitle.get("Vigil in New York"), "DTEND")).isEqualTo("2027-03-14T08:00:00Z");
        assertThat(instant(calendar, byTitle.get("Exhibition in Tokyo"), "DTSTART")).isEqualTo("2027-02-25T02:00:00Z");
        // text survives escaping and folding
        Component nasty = byTitle.get(NASTY);
        assertThat(nasty).isNotNull();
        assertThat(value(nasty, "DESCRIPTION")).startsWith("Line one,\nline two; with a backslash \\ and\nWindows lines.").contains("🙂");
        assertThat(value(nasty, "STATUS")).isEqualTo("CONFIRMED");
        // the city-only exhibition shows no street
        assertThat(value(byTitle.get("Exhibition in Tokyo"), "LOCATION")).isEqualTo("Tokyo, Japan");
        assertThat(ics).doesNotContain("@example.org");
    }

    @Test
    void oneCountryAndOneEventHaveTheirOwnCalendars() throws Exception {
        String belgium = browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.ics?country=BE").body();
        assertWellFormed(belgium);
        Calendar calendar = new CalendarBuilder().build(new StringReader(belgium));
        assertThat(calendar.<CalendarComponent>getComponents("VEVENT").stream().map(e -> value(e, "SUMMARY")))
                .containsExactlyInAnyOrder("Peace for Ukraine", "Vigil through the night");
        assertThat(calendar.<CalendarComponent>getComponents("VTIMEZONE")).hasSize(1);
        assertThat(browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.ics?country=XX").status()).isEqualTo(400);

        Browser.Page one = browser.get("/events/" + ids.get("new-york") + ".ics");
        assertThat(one.status()).isEqualTo(200);
        assertWellFormed(one.body());
        Calendar single = new CalendarBuilder().build(new StringReader(one.body()));
        assertValid(single, one.body());
        assertThat(single.<CalendarComponent>getComponents("VEVENT")).hasSize(1);
        assertThat(value(single.<CalendarComponent>getComponents("VTIMEZONE").getFirst(), "TZID")).isEqualTo("America/New_York");
        // the zone changes inside the event: both observances are there
        assertThat(single.<CalendarComponent>getComponents("VTIMEZONE").getFirst().toString()).contains("BEGIN:DAYLIGHT").contains("BEGIN:STANDARD");
        Browser.Page missing = browser.get("/events/999999999.ics");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no page at this address.");
    }

    @Test
    void aCancelledEventStaysInTheCalendarAsCancelledAndLeavesTheList() throws Exception {
        EventRules.Outcome outcome = rules.check(EventsFixture.event("Cancelled concert", "CONCERT", "2027-02-27T19:00",
                "2027-02-27T21:00", null, "Kyiv", "UA", "PUBLIC"), campaign, java.util.Locale.ENGLISH, true);
        Events.Submitted submitted = events.submit(campaign, outcome.draft(), outcome.contactEmail(), java.util.Locale.ENGLISH);
        events.confirm(submitted.token());
        events.approve(submitted.id(), store.find(submitted.id()).orElseThrow().pending().id());
        events.cancel(submitted.token());
        String ics = browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.ics").body();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        Component cancelled = calendar.<CalendarComponent>getComponents("VEVENT").stream()
                .filter(e -> value(e, "SUMMARY").equals("Cancelled concert")).findFirst().orElseThrow();
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(browser.get("/en/events?campaign=" + campaign.slug()).body()).doesNotContain("Cancelled concert");
        assertThat(browser.get("/en/events/" + submitted.id()).text(".alert")).isEqualTo("This event was cancelled.");
    }

    @Test
    void theAtomFeedOfNewEventsParsesWhateverTheData() throws Exception {
        Browser.Page page = browser.get("/api/v1/campaigns/" + campaign.slug() + "/events.atom");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        // well-formed XML for the JDK's parser, and a valid feed for a feed reader
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var dom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(page.body())));
        assertThat(dom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(page.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Test week of action");
        List<String> titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
        assertThat(titles).hasSize(6).contains(NASTY, "Peace for Ukraine");
        // newest first
        assertThat(titles.getFirst()).isEqualTo(NASTY);
        SyndEntry brussels = feed.getEntries().stream().filter(e -> e.getTitle().equals("Peace for Ukraine")).findFirst().orElseThrow();
        assertThat(brussels.getLink()).isEqualTo("http://hub.test/en/events/" + ids.get("brussels"));
        assertThat(page.body()).doesNotContain("@example.org");
    }

    @Test
    void theEmbedPageMayBeFramedAnywhereAndShowsOnlyPublicFields() {
        Browser.Page embed = browser.get("/en/embed/events?campaign=" + campaign.slug() + "&country=BE");
        assertThat(embed.status()).isEqualTo(200);
        assertThat(embed.doc().select(".event-list a").eachText()).containsExactlyInAnyOrder("Peace for Ukraine", "Vigil through the night");
        assertThat(embed.header("X-Frame-Options")).isEmpty();
        assertThat(embed.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *").doesNotContain("frame-ancestors 'none'");
        assertThat(embed.setCookies()).isEmpty();
        assertThat(embed.body()).doesNotContain("@example.org").doesNotContain("<form");
        assertThat(embed.doc().select(".event-list a").first().attr("href")).startsWith("http://hub.test/en/events/");
        assertThat(browser.get("/en/embed/events?campaign=" + campaign.slug() + "&type=EXHIBITION").doc().select(".event-list a").eachText())
                .containsExactly("Exhibition in Tokyo");
        assertThat(browser.get("/en/embed/events?campaign=" + campaign.slug() + "&type=NOPE").status()).isEqualTo(400);
        // every other page still refuses to be framed
        Browser.Page list = browser.get("/en/events?campaign=" + campaign.slug());
        assertThat(list.header("X-Frame-Options")).contains("DENY");
        assertThat(list.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    }

    @Test
    void feedsAnswerNotModifiedUntilAnEventOfTheCampaignChanges() {
        for (String path : List.of("/api/v1/campaigns/" + campaign.slug() + "/events.ics",
                "/api/v1/campaigns/" + campaign.slug() + "/events.geojson")) {
            Browser.Page first = browser.get(path);
            String etag = first.header("ETag").orElseThrow();
            assertThat(browser.get(path, "If-None-Match", etag).status()).as(path).isEqualTo(304);
            String title = "Late addition " + ids.size() + " " + path.length();
            add(title, EventsFixture.event(title, "CONCERT", "2027-02-27T19:00", "2027-02-27T21:00", null, "Kyiv", "UA", "PUBLIC"));
            Browser.Page changed = browser.get(path, "If-None-Match", etag);
            assertThat(changed.status()).as(path).isEqualTo(200);
            assertThat(changed.body()).contains(title);
            assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);
        }
    }

    // ---- helpers

    static void assertWellFormed(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    /**
     * ical4j's validation, except its GEO rule, which refuses negative coordinates although RFC 5545
     * (3.8.1.6, whose own example is "GEO:37.386013;-122.082932") allows them: GEO is checked against the
     * RFC's grammar here instead.
     */
    static void assertValid(Calendar calendar, String ics) throws Exception {
        var errors = calendar.validate().getEntries().stream()
                .filter(e -> e.getSeverity() == net.fortuna.ical4j.validate.ValidationEntry.Severity.ERROR)
                .filter(e -> !(e.getContext().equals("GEO") && e.getMessage().startsWith("Value MUST match expression")))
                .toList();
        assertThat(errors).isEmpty();
        for (String line : ics.split("\r\n")) {
            if (line.startsWith("GEO:")) {
                assertThat(line).matches("GEO:[+-]?\\d+(\\.\\d+)?;[+-]?\\d+(\\.\\d+)?");
            }
        }
    }

    static String value(Component component, String name) {
        return component.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    /** The instant of a DTSTART/DTEND, computed only from the VTIMEZONE in the same calendar. */
    static String instant(Calendar calendar, Component event, String name) {
        Property property = event.<Property>getProperty(name).orElseThrow();
        String tzid = property.getParameter("TZID").map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue()).orElseThrow().toString();
        LocalDateTime local = LocalDateTime.parse(property.getValue(), DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
        CalendarComponent zone = calendar.<CalendarComponent>getComponents("VTIMEZONE").stream()
                .filter(z -> tzid.equals(value(z, "TZID"))).findFirst().orElseThrow();
        List<Object[]> observances = new ArrayList<>();
        for (Component o : ((net.fortuna.ical4j.model.component.VTimeZone) zone).getObservances()) {
            LocalDateTime onset = LocalDateTime.parse(value(o, "DTSTART"), DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
            ZoneOffset from = ZoneOffset.of(value(o, "TZOFFSETFROM"));
            ZoneOffset to = ZoneOffset.of(value(o, "TZOFFSETTO"));
            observances.add(new Object[]{onset.toInstant(from), to});
        }
        observances.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
        ZoneOffset offset = null;
        for (Object[] o : observances) {
            ZoneOffset candidate = (ZoneOffset) o[1];
            if (!local.toInstant(candidate).isBefore((Instant) o[0])) {
                offset = candidate;
            }
        }
        return local.toInstant(offset).toString();
    }
}
