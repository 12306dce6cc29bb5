package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class EventsMapTest extends WebTest {

    @Autowired Campaigns campaigns;
    @Autowired EventRules rules;
    @Autowired Events events;
    @Autowired EventStore store;

    @Test
    void leafletAndTheCountryOutlinesAreServedByTheAppItself() {
        Campaign campaign = EventsFixture.newCampaign(campaigns);
        Browser.Page list = browser.get("/en/events?campaign=" + campaign.slug());
        assertThat(list.text(".counts")).isEqualTo("No actions yet. Add the first one!");
        Element map = list.doc().selectFirst("#events-map");
        assertThat(map.hasAttr("hidden")).isTrue(); // without JavaScript the list stands in its place
        assertThat(map.attr("data-geojson")).isEqualTo("/api/v1/campaigns/" + campaign.slug() + "/events.geojson");
        List<String> assets = list.doc().select("script[src], link[rel=stylesheet]").eachAttr("src");
        assets = new java.util.ArrayList<>(assets);
        assets.addAll(list.doc().select("link[rel=stylesheet]").eachAttr("href"));
        assets.add(map.attr("data-outline"));
        for (String asset : assets) {
            if (asset.isEmpty()) {
                continue;
            }
            assertThat(asset).startsWith("/");
            assertThat(browser.get(asset).status()).as(asset).isEqualTo(200);
        }
        assertThat(assets).anyMatch(a -> a.startsWith("/webjars/leaflet/1.9.4/dist/leaflet") && a.endsWith(".js"));
        assertThat(browser.get("/webjars/leaflet/1.9.4/dist/images/marker-icon.png").status()).isEqualTo(200);
        // no remote tiles unless configured: the page's policy allows images from this site only
        assertThat(list.header("Content-Security-Policy").orElseThrow()).contains("img-src 'self';");
    }

    @Test
    void aConfiguredTileHostIsAllowedOnlyInTheMapPagesPolicy() {
        assertThat(EventsSecurity.origin("https://{s}.tiles.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tiles.example.org");
        assertThat(EventsSecurity.origin("https://tiles.example.org:8443/{z}/{x}/{y}.png")).isEqualTo("https://tiles.example.org:8443");
        assertThat(EventsSecurity.origin("javascript:alert(1)")).isNull();
        assertThat(EventsSecurity.origin("https://evil.org; script-src *")).isNull();
        assertThat(EventsSecurity.policyWithTiles("https://tiles.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' https://tiles.example.org;").contains("script-src 'self';").contains("frame-ancestors 'none'");
    }

    /** A real browser with JavaScript on (headless Chromium, when the machine has it) draws the event on the map. */
    @Test
    void withJavaScriptOnTheApprovedEventAppearsOnTheMap() throws Exception {
        String chromium = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        assumeTrue(chromium != null, "no Chromium on this machine");
        Campaign campaign = EventsFixture.newCampaign(campaigns);
        long id = EventsFixture.approved(rules, events, store, campaign,
                EventsFixture.event("On the map", "DEMONSTRATION", "2027-02-25T13:00", "2027-02-25T16:00", null, "Brussels", "BE", "PUBLIC"));
        Document list = render(chromium, "/en/events?campaign=" + campaign.slug());
        Element map = list.selectFirst("#events-map");
        assertThat(map.hasAttr("hidden")).isFalse();
        assertThat(map.attr("data-markers")).isEqualTo("1");
        assertThat(map.select("path.leaflet-interactive")).hasSize(1);
        // "use my location" exists only where scripts run (the page itself has no such button: EventsNearTest)
        assertThat(list.select("form.filters button.near-locate").text()).isEqualTo("Use my location");
        Document page = render(chromium, "/en/events/" + id);
        assertThat(page.selectFirst("#event-map").attr("data-markers")).isEqualTo("1");
        assertThat(page.selectFirst(".your-time").hasAttr("hidden")).isFalse();
        // the reader's clocks (New York, see render) in the same styles as the event's own time, and its zone
        assertThat(page.selectFirst("time.event-time").text()).isEqualTo("25 February 2027, 13:00–16:00");
        assertThat(page.selectFirst(".your-time").text()).isEqualTo("Your time: 25 February 2027, 07:00–10:00 · Eastern Time (GMT-5)");
        // the map names the event's city and the cities around it, and credits no data of its own (the footer does)
        assertThat(page.select("#event-map .map-label").eachText()).contains("Brussels", "Antwerpen");
        assertThat(page.select("#event-map .leaflet-control-attribution")).isEmpty();
    }

    private Document render(String chromium, String path) throws Exception {
        File profile = java.nio.file.Files.createTempDirectory("chromium-profile").toFile();
        ProcessBuilder builder = new ProcessBuilder(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile.getAbsolutePath(), "--virtual-time-budget=8000",
                "--dump-dom", "http://localhost:" + port + path)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TZ", "America/New_York"); // a reader in another zone than the events'
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return Jsoup.parse(new String(out, StandardCharsets.UTF_8));
    }
}
