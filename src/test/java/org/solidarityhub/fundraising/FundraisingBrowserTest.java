package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.StaffActor;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.E2eScripts;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code e2e/fundraising.mjs} in Chromium with JavaScript off: a first treasurer recorded the vests purchase (above the
 * four-eyes amount); the second approves it and publishes report "Day 23"; a donor sees it all and verifies the report.
 */
class FundraisingBrowserTest extends WebTest {

    @Autowired
    Fundraisers fundraisers;
    @Autowired
    Purchases purchases;
    @Autowired
    Donations donations;
    @Autowired
    StaffFixture staff;
    @Autowired
    Clock appClock;

    @Test
    void aSecondTreasurerApprovesTheVestsPublishesDay23AndADonorVerifiesItWithoutJavaScript() throws Exception {
        E2eScripts.requireBrowser();
        StaffFixture.Member first = staff.member(uniqueEmail("treasurer-1"), StaffRole.TREASURER);
        StaffFixture.Member second = staff.member(uniqueEmail("treasurer-2"), StaffRole.TREASURER);
        String slug = "vests-" + UUID.randomUUID().toString().substring(0, 8);
        long id = fundraisers.create(new Fundraisers.NewFundraiser(slug, "Operation Solidarity (test)", "Vests.", "EUR",
                "100000", "", "IBAN UA00 (example)"));
        Fundraiser f = fundraisers.find(id).orElseThrow();
        fundraisers.change(id, new Fundraisers.Settings(f.title(), f.summary(), "100000", "", f.howToGive(), "OPEN"));
        long vests = fundraisers.addNeed(id, new Fundraisers.NewNeed("Bulletproof vests, class 4", "", "100", "600", "HIGH"));
        donations.record(id, new Donations.NewDonation(Money.parse("61000", "EUR"), java.time.LocalDate.parse("2026-03-01"),
                Donation.Channel.BANK_TRANSFER, null, Donation.Display.ANONYMOUS, null, vests, null, null, null));
        StaffActor recorder = new FundraisingDemoContent.DemoTreasurer(first.id(), "first treasurer");
        Purchases.Outcome purchase = purchases.record(id, new Purchases.Form(Long.toString(vests), "100", "60000", "EUR",
                "", "", "", true, "Open Dialogue Foundation", "PL", false, "2026-03-02", "", "", ""), recorder);
        assertThat(purchase.pending()).isTrue();

        Path screenshots = Files.createDirectories(E2eScripts.screenshots("fundraising"));
        Duration clockOffset = Duration.between(Instant.now(), appClock.instant());
        E2eScripts.Run run = E2eScripts.run("fundraising.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "FUNDRAISER_ID", Long.toString(id), "FUNDRAISER_SLUG", slug,
                "STAFF_EMAIL", second.email(), "STAFF_PASSWORD", second.password(), "TOTP_SECRET", second.totpSecret(),
                "CLOCK_OFFSET_MS", Long.toString(clockOffset.toMillis()), "SCREENSHOT_DIR", screenshots.toString()));
        assertThat(run.exitCode()).as("exit code of node e2e/fundraising.mjs, which printed:\n%s", run.output()).isZero();
        assertThat(run.output()).contains("PASS all steps");
        assertThat(db.sql("SELECT COUNT(*) FROM fundraising_report WHERE fundraiser_id = :f").param("f", id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
