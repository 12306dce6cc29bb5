package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidarityhub.media.TestImages;
import org.solidarityhub.media.TestPdfs;
import org.solidarityhub.staff.StaffFixture;
import org.solidarityhub.staff.StaffRole;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A treasurer records the vests purchase and its delivery with a redacted receipt, over real HTTP and the real media
 * pipeline: a PDF uploaded on the purchase's page, a region blacked out in percent, the preview checked, the copy
 * published (black where the box is, none of the PDF's strings), the original for treasurers only; the delivery's
 * photo public only once published.
 */
class FundraisingReceiptsTest extends WebTest {

    /** The canary PDF's account number lies under its stripes: x 50-250, y 100-160 of 400 x 300 points. */
    static final String STRIPES_PERCENT = "12.5%, 33.333%, 50%, 20%";

    @Autowired
    StaffFixture staff;

    @Autowired
    Fundraising fundraising;

    Browser treasurer;
    ReceiptSteps steps;
    LocalDate today;

    @BeforeEach
    void aTreasurerSignsIn() {
        treasurer = anotherBrowser();
        staff.signIn(treasurer, staff.member(uniqueEmail("treasurer"), StaffRole.TREASURER));
        today = LocalDate.now(applicationClock);
        steps = new ReceiptSteps(treasurer, db, today);
    }

    @Test
    void aTreasurerPublishesARedactedReceiptWhoseCopyIsBlackUnderTheBoxAndCarriesNoneOfThePdfsStrings() throws Exception {
        long id = FundraisingStaffSupport.fundraiser(treasurer, "EUR", "60000");
        long purchase = steps.purchase(id, "600");
        String page = ReceiptSteps.page(id, purchase);
        byte[] pdf = TestPdfs.receipt();
        Fundraiser fundraiser = fundraisers(id);
        String publicPage = "/en/fundraisers/" + fundraiser.slug();
        Browser visitor = anotherBrowser();
        assertThat(visitor.open(publicPage).doc().select("#purchase-" + purchase + " .receipts")).isEmpty();

        Browser.Page uploaded = steps.upload(page, "receipt.pdf", "application/pdf", pdf);
        assertThat(uploaded.doc().text()).contains("The receipt was uploaded and is being processed");
        Browser.Page ready = steps.ready(page);
        assertThat(ready.doc().select(".receipt-page")).hasSize(2);
        long receipt = single("SELECT MIN(id) FROM purchase_receipt WHERE purchase_id = :p", purchase);
        List<Long> pages = db.sql("SELECT public_media_id FROM purchase_receipt WHERE purchase_id = :p ORDER BY public_media_id")
                .param("p", purchase).query(Long.class).list();

        Browser.Page redacted = treasurer.follow(treasurer.submit(ready, "form[action$=/receipts/" + receipt + "/pages/1/redact]",
                Map.of("regions", STRIPES_PERCENT)));
        assertThat(redacted.doc().text()).contains("The page was rendered again with these black boxes").contains("one black box");
        BufferedImage preview = image(treasurer.bytes("/staff/media/" + pages.getFirst() + "/web"));
        int[] box = stripes(preview);
        assertThat(brightest(preview, box)).as("the preview is black under the box").isLessThanOrEqualTo(8);

        Browser.Page published = treasurer.follow(treasurer.submit(redacted, "form[action$=/receipts/" + receipt + "/publish]"));
        assertThat(published.doc().text()).contains("The redacted copy is published. The original stays private.");
        assertThat(published.doc().select("form[action*=/redact]")).isEmpty();

        List<Fundraising.PublicReceipt> receipts = fundraising.receipts(fundraiser, purchase);
        assertThat(receipts).hasSize(1);
        assertThat(receipts.getFirst().pages()).hasSize(2);
        var shown = visitor.open(publicPage).doc().select("#purchase-" + purchase + " .receipts a");
        assertThat(shown).as("the public page, without JavaScript, links each page's thumbnail to its web size").hasSize(2);
        assertThat(shown.getFirst().attr("href")).isEqualTo(receipts.getFirst().pages().getFirst().webUrl());
        assertThat(shown.getFirst().selectFirst("img").attr("src")).isEqualTo(receipts.getFirst().pages().getFirst().thumbnailUrl());
        assertThat(shown.getFirst().selectFirst("img").attr("alt")).isEqualTo("Receipt, page 1 of 2");
        for (Fundraising.PublicImage image : receipts.getFirst().pages()) {
            for (String url : List.of(image.webUrl(), image.thumbnailUrl())) {
                HttpResponse<byte[]> served = visitor.bytes(url);
                assertThat(served.statusCode()).isEqualTo(200);
                String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
                for (String canary : TestPdfs.canaries()) {
                    assertThat(bytes).as(url + " carries a string of the PDF").doesNotContain(canary);
                }
            }
        }
        BufferedImage copy = image(visitor.bytes(receipts.getFirst().pages().getFirst().webUrl()));
        assertThat(brightest(copy, box)).as("the public copy is black under the box").isLessThanOrEqualTo(8);
        assertThat(brightest(copy, new int[] {box[0], box[1] + box[3] + 40, box[2], 20})).as("white below the box")
                .isGreaterThan(200);

        String original = page + "/receipts/" + receipt + "/original";
        HttpResponse<byte[]> download = treasurer.bytes(original);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"receipt-" + receipt + ".pdf\"");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");

        Browser moderator = anotherBrowser();
        staff.signIn(moderator, staff.member(uniqueEmail("moderator"), StaffRole.MODERATOR));
        assertThat(moderator.bytes(original).statusCode()).as("a moderator").isEqualTo(403);
        assertThat(moderator.bytes("/staff/media/" + pages.getLast() + "/web").statusCode())
                .as("a moderator does not see a receipt's page before its boxes either").isEqualTo(404);
        HttpResponse<byte[]> anonymous = visitor.bytes(original);
        assertThat(anonymous.statusCode()).as("the public").isIn(302, 303, 401, 403);
        assertThat(new String(anonymous.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        assertThat(db.sql("SELECT action FROM audit_event WHERE target_type = 'purchase' AND target_id = :p ORDER BY id")
                .param("p", String.valueOf(purchase)).query(String.class).list())
                .containsSubsequence("fundraising.receipt.uploaded", "fundraising.receipt.redacted",
                        "fundraising.receipt.published", "fundraising.receipt.originalOpened");

        Browser.Page discarded = treasurer.follow(treasurer.submit(treasurer.get(page), "form[action$=/receipts/" + receipt + "/discard]"));
        assertThat(discarded.doc().text()).contains("The receipt was discarded");
        assertThat(single("SELECT COUNT(*) FROM purchase_receipt WHERE purchase_id = :p", purchase)).isZero();
        assertThat(visitor.bytes(receipts.getFirst().pages().getFirst().webUrl()).statusCode()).isEqualTo(404);
        assertThat(fundraising.receipts(fundraiser, purchase)).isEmpty();
        assertThat(visitor.open(publicPage).doc().select("#purchase-" + purchase + " .receipts")).isEmpty();
    }

    @Test
    void aDeliverysPhotoIsPublicOnlyOnceTheTreasurerPublishesIt() throws Exception {
        long id = FundraisingStaffSupport.fundraiser(treasurer, "EUR", "");
        long purchase = steps.purchase(id, "600");
        String page = ReceiptSteps.page(id, purchase);
        treasurer.follow(treasurer.submit(treasurer.get(page), "form[action$=/deliveries]",
                Map.of("quantity", "1", "recipientName", "A unit", "recipientHidden", "true", "deliveredOn", today.toString())));
        long delivery = single("SELECT id FROM delivery WHERE purchase_id = :p", purchase);
        Browser.Page uploaded = treasurer.follow(treasurer.submitMultipart(treasurer.get(page), "form[action$=/deliveries/" + delivery + "/photo]",
                Map.of(), List.of(new Browser.FilePart("file", "vests.jpg", "image/jpeg", TestImages.jpeg(640, 480)))));
        assertThat(uploaded.doc().text()).contains("The photo was uploaded");
        Fundraiser fundraiser = fundraisers(id);
        String publicPage = "/en/fundraisers/" + fundraiser.slug();
        assertThat(anotherBrowser().open(publicPage).doc().select(".delivery-photo")).isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> treasurer.get(page).doc().select("form[action$=/photo/publish]").size() == 1);
        Browser.Page ready = treasurer.get(page);
        assertThat(ready.doc().text()).contains("The recipient is withheld in public: publish the photo only if nothing in it identifies them.");
        assertThat(fundraising.deliveries(fundraiser, purchase).getFirst().photo()).as("not published yet").isNull();

        Browser.Page blurred = treasurer.follow(treasurer.submit(ready, "form[action$=/photo/regions]", Map.of("regions", "10,10,100,80")));
        assertThat(blurred.doc().text()).contains("The photo was blurred again");
        Browser.Page published = treasurer.follow(treasurer.submit(blurred, "form[action$=/photo/publish]"));
        assertThat(published.doc().text()).contains("The photo is published with the delivery.");
        Fundraising.PublicImage photo = fundraising.deliveries(fundraiser, purchase).getFirst().photo();
        assertThat(photo).isNotNull();
        assertThat(anotherBrowser().bytes(photo.webUrl()).statusCode()).isEqualTo(200);
        var link = anotherBrowser().open(publicPage).doc().selectFirst("#purchase-" + purchase + " .delivery-photo");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo(photo.webUrl());
        assertThat(link.selectFirst("img").attr("src")).isEqualTo(photo.thumbnailUrl());

        treasurer.follow(treasurer.submit(published, "form[action$=/photo/remove]"));
        assertThat(fundraising.deliveries(fundraiser, purchase).getFirst().photo()).isNull();
        assertThat(anotherBrowser().bytes(photo.webUrl()).statusCode()).isEqualTo(404);
        assertThat(anotherBrowser().open(publicPage).doc().select(".delivery-photo")).isEmpty();
        assertThat(db.sql("SELECT action FROM audit_event WHERE target_type = 'delivery' AND target_id = :d ORDER BY id")
                .param("d", String.valueOf(delivery)).query(String.class).list())
                .containsSubsequence("fundraising.photo.uploaded", "fundraising.photo.blurred", "fundraising.photo.published",
                        "fundraising.photo.removed");
    }

    long single(String sql, long parameter) {
        return db.sql(sql).param("p", parameter).query(Long.class).single();
    }

    Fundraiser fundraisers(long id) {
        String slug = db.sql("SELECT slug FROM fundraiser WHERE id = :p").param("p", id).query(String.class).single();
        db.sql("UPDATE fundraiser SET state = 'OPEN' WHERE id = :p").param("p", id).update();
        return fundraising.fundraiser(slug).orElseThrow();
    }

    static BufferedImage image(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    /** The stripes of the canary PDF in the pixels of an image of its first page, shrunk by a JPEG block. */
    static int[] stripes(BufferedImage image) {
        double scale = (double) image.getWidth() / TestPdfs.WIDTH;
        int[] s = TestPdfs.STRIPES;
        return new int[] {(int) (s[0] * scale) + 8, (int) (s[1] * scale) + 8, (int) (s[2] * scale) - 16, (int) (s[3] * scale) - 16};
    }

    /** The largest channel value in the box x, y, width, height: 0 is pure black. */
    static int brightest(BufferedImage image, int[] box) {
        int max = 0;
        for (int y = box[1]; y < box[1] + box[3]; y++) {
            for (int x = box[0]; x < box[0] + box[2]; x++) {
                int rgb = image.getRGB(x, y);
                max = Math.max(max, Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF)));
            }
        }
        return max;
    }
}
