package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.media.TestPdfs;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every class of bad input on a purchase's receipts gets a clear message and writes nothing: a wrong type, an
 * oversized file, no file, regions out of bounds or unreadable, publishing before processing ended, a PDF refused
 * while rendered, another purchase's receipt.
 */
class FundraisingReceiptsBadInputTest extends WebTest {

    @Autowired
    StaffFixture staff;

    Browser treasurer;
    ReceiptSteps steps;
    long fundraiser;
    long purchase;
    String page;

    @BeforeEach
    void aTreasurerHasAPurchase() {
        treasurer = anotherBrowser();
        staff.signIn(treasurer, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        steps = new ReceiptSteps(treasurer, db, LocalDate.now(applicationClock));
        fundraiser = FundraisingStaffSupport.fundraiser(treasurer, "EUR", "");
        purchase = steps.purchase(fundraiser, "600");
        page = ReceiptSteps.page(fundraiser, purchase);
    }

    @Test
    void aWrongTypeAnOversizedFileAndNoFileAreRefusedWithTheirMessagesAndNothingIsKept() {
        assertThat(steps.upload(page, "receipt.html", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)).doc().text())
                .contains("This kind of file is not accepted. Send a PDF or a photo (JPEG, PNG, WebP, HEIC).");
        byte[] huge = Arrays.copyOf(TestPdfs.receipt(), 21 * 1024 * 1024);
        assertThat(steps.upload(page, "receipt.pdf", "application/pdf", huge).doc().text())
                .contains("The file is too large for this site.");
        assertThat(steps.upload(page, "", "application/octet-stream", new byte[0]).doc().text())
                .contains("Please choose a file.");
        assertThat(steps.upload(page, "empty.pdf", "application/pdf", new byte[0]).doc().text())
                .contains("The file is empty.");
        assertNothingKept();
    }

    @Test
    void aVideoIsNeitherAReceiptNorADeliveryPhoto(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] video = java.nio.file.Files.readAllBytes(org.solidarityhub.media.VideoFixtures.plain(dir, "v.mp4", 160, 120, 1));
        assertThat(steps.upload(page, "receipt.mp4", "video/mp4", video).doc().text())
                .contains("This kind of file is not accepted. Send a PDF or a photo");
        assertNothingKept();
        treasurer.follow(treasurer.submit(treasurer.get(page), "form[action$=/deliveries]",
                Map.of("quantity", "1", "recipientName", "A unit", "deliveredOn", LocalDate.now(applicationClock).toString())));
        long delivery = db.sql("SELECT id FROM delivery WHERE purchase_id = :p").param("p", purchase).query(Long.class).single();
        Browser.Page refused = treasurer.follow(treasurer.submitMultipart(treasurer.get(page), "form[action$=/deliveries/" + delivery + "/photo]",
                Map.of(), List.of(new Browser.FilePart("file", "v.mp4", "video/mp4", video))));
        assertThat(refused.doc().text()).contains("Please send a photo (JPEG, PNG, WebP, HEIC).");
        assertThat(db.sql("SELECT COUNT(*) FROM delivery WHERE id = :d AND media_id IS NULL").param("d", delivery)
                .query(Long.class).single()).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT COUNT(*) FROM media_item WHERE owner_reference = :r")
                .param("r", "delivery-" + delivery).query(Long.class).single() == 0);
    }

    @Test
    void regionsOutOfBoundsOrUnreadableAreRefusedAndTheBoxesStayAsTheyWere() {
        steps.upload(page, "receipt.pdf", "application/pdf", TestPdfs.receipt());
        Browser.Page ready = steps.ready(page);
        long receipt = receipt();
        String form = "form[action$=/receipts/" + receipt + "/pages/1/redact]";
        for (Map.Entry<String, String> bad : Map.of(
                "10,10,5000,20", "A region reaches past the edge of the picture.",
                "90%,10%,20%,5%", "A region reaches past the edge of the picture.",
                "10%,10%,120%,5%", "A region reaches past the edge of the picture.",
                "ten,10,20,20", "Please write each region on its own line as four numbers",
                "10,10,0,20", "Please write each region on its own line as four numbers",
                "-5,10,20,20", "Please write each region on its own line as four numbers",
                "10,10,20", "Please write each region on its own line as four numbers").entrySet()) {
            Browser.Page answer = treasurer.follow(treasurer.submit(ready, form, Map.of("regions", bad.getKey())));
            assertThat(answer.doc().text()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(db.sql("SELECT COUNT(*) FROM media_item WHERE owner_reference = :r AND redactions <> ''")
                .param("r", "purchase-" + purchase).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'fundraising.receipt.redacted' AND target_id = :p")
                .param("p", String.valueOf(purchase)).query(Long.class).single()).isZero();
        Browser.Page page2 = treasurer.follow(treasurer.submit(ready, "form[action$=/receipts/" + receipt + "/pages/1/redact]",
                Map.of("regions", "")));
        assertThat(page2.doc().text()).contains("The page was rendered again");
        Browser.Page unknownPage = treasurer.follow(treasurer.post(page + "/receipts/" + receipt + "/pages/3/redact",
                Map.of("_csrf", FundraisingStaffTest.csrf(ready), "regions", "1,1,2,2")));
        assertThat(unknownPage.doc().text()).contains("This receipt is not one of this purchase's.");
    }

    @Test
    void publishingBeforeEveryPageIsProcessedIsRefusedAndPublishesNoPage() {
        steps.upload(page, "receipt.pdf", "application/pdf", TestPdfs.receipt());
        Browser.Page ready = steps.ready(page);
        long receipt = receipt();
        List<Long> pages = mediaIds();
        // the second page still in the worker, as when the treasurer is quicker than the rendering
        db.sql("UPDATE media_item SET state = 'PROCESSING' WHERE id = :m").param("m", pages.getLast()).update();
        Browser.Page refused = treasurer.follow(treasurer.submit(ready, "form[action$=/receipts/" + receipt + "/publish]"));
        assertThat(refused.doc().text()).contains("The file is still being processed (or could not be).");
        assertThat(db.sql("SELECT COUNT(*) FROM media_item WHERE owner_reference = :r AND published")
                .param("r", "purchase-" + purchase).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM purchase_receipt WHERE purchase_id = :p AND published_at IS NOT NULL")
                .param("p", purchase).query(Long.class).single()).isZero();
        db.sql("UPDATE media_item SET state = 'READY' WHERE id = :m").param("m", pages.getLast()).update();
        assertThat(treasurer.follow(treasurer.submit(treasurer.get(page), "form[action$=/receipts/" + receipt + "/publish]"))
                .doc().text()).contains("The redacted copy is published.");
        Browser.Page again = treasurer.follow(treasurer.post(page + "/receipts/" + receipt + "/publish", Map.of("_csrf", FundraisingStaffTest.csrf(ready))));
        assertThat(again.doc().text()).contains("This receipt is published already");
        Browser.Page late = treasurer.follow(treasurer.post(page + "/receipts/" + receipt + "/pages/1/redact",
                Map.of("_csrf", FundraisingStaffTest.csrf(ready), "regions", "1,1,2,2")));
        assertThat(late.doc().text()).contains("This receipt is published already");
    }

    @Test
    void aPdfRefusedWhileRenderedShowsWhyAndCannotBePublished() {
        steps.upload(page, "flood.pdf", "application/pdf", TestPdfs.imageFlood(100_000, 100_000));
        Browser.Page shown = steps.ready(page);
        assertThat(shown.doc().text()).contains("A page of the PDF (or a picture in it) is too large to be shown here.");
        long receipt = receipt();
        Browser.Page refused = treasurer.follow(treasurer.submit(shown, "form[action$=/receipts/" + receipt + "/publish]"));
        assertThat(refused.doc().text()).contains("The file is still being processed (or could not be).");
        assertThat(treasurer.follow(treasurer.get(page + "/receipts/" + receipt + "/original")).doc().text())
                .contains("The file is still being processed (or could not be).");
        assertThat(treasurer.follow(treasurer.submit(refused, "form[action$=/receipts/" + receipt + "/discard]")).doc().text())
                .contains("The receipt was discarded");
        assertNothingKept();
    }

    @Test
    void anotherPurchasesReceiptIsNotReachedThroughThisPurchase() {
        steps.upload(page, "receipt.pdf", "application/pdf", TestPdfs.receipt());
        Browser.Page ready = steps.ready(page);
        long receipt = receipt();
        long other = steps.purchase(fundraiser, "700");
        String otherPage = ReceiptSteps.page(fundraiser, other);
        String csrf = FundraisingStaffTest.csrf(ready);
        for (String action : List.of("/pages/1/redact", "/publish", "/discard")) {
            Browser.Page answer = treasurer.follow(treasurer.post(otherPage + "/receipts/" + receipt + action,
                    Map.of("_csrf", csrf, "regions", "1,1,2,2")));
            assertThat(answer.doc().text()).as(action).contains("This receipt is not one of this purchase's.");
        }
        Browser.Page original = treasurer.get(otherPage + "/receipts/" + receipt + "/original");
        assertThat(original.status()).isEqualTo(302);
        assertThat(treasurer.follow(original).doc().text()).contains("This receipt is not one of this purchase's.");
        long otherFundraiser = FundraisingStaffSupport.fundraiser(treasurer, "EUR", "");
        assertThat(treasurer.follow(treasurer.get("/staff/fundraising/" + otherFundraiser + "/purchases/" + purchase + "/receipts/"
                + receipt + "/original")).doc().text()).contains("This purchase is not one of this fundraiser's.");
        assertThat(db.sql("SELECT COUNT(*) FROM purchase_receipt WHERE purchase_id = :p AND published_at IS NULL")
                .param("p", purchase).query(Long.class).single()).isEqualTo(2);
        assertThat(db.sql("SELECT COUNT(*) FROM media_item WHERE owner_reference = :r AND (published OR redactions <> '')")
                .param("r", "purchase-" + purchase).query(Long.class).single()).isZero();
    }

    long receipt() {
        return db.sql("SELECT MIN(id) FROM purchase_receipt WHERE purchase_id = :p").param("p", purchase).query(Long.class).single();
    }

    List<Long> mediaIds() {
        return db.sql("SELECT public_media_id FROM purchase_receipt WHERE purchase_id = :p ORDER BY public_media_id")
                .param("p", purchase).query(Long.class).list();
    }

    void assertNothingKept() {
        assertThat(db.sql("SELECT COUNT(*) FROM purchase_receipt WHERE purchase_id = :p").param("p", purchase)
                .query(Long.class).single()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT COUNT(*) FROM media_item WHERE owner_reference = :r")
                .param("r", "purchase-" + purchase).query(Long.class).single() == 0);
    }
}
