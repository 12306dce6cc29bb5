package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.submissions.Retention;
import org.solidarityhub.submissions.RetentionRule;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.TestMailServer;
import org.solidarityhub.test.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pictures and posters of events through the media pipeline, as an organizer sends them without JavaScript (a
 * multipart form): shown on the cards, the front page and the event page once the event is approved, without the
 * metadata of the upload; every class of bad input refused with its message and nothing kept.
 */
class EventImagesTest extends RunningCampaignTest {

    private static final byte[] CANARY = "GPS-CANARY-50.8571-4.3592".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Media media;

    /** A JPEG drawn with Java2D, with an APP1 segment after its start that carries a canary string (as EXIF would). */
    static byte[] photo(Color color) {
        byte[] jpeg = TestPhotos.jpeg(400, 300, color);
        byte[] payload = new byte[6 + CANARY.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 6);
        System.arraycopy(CANARY, 0, payload, 6, CANARY.length);
        int length = payload.length + 2;
        ByteArrayOutputStream withApp1 = new ByteArrayOutputStream();
        withApp1.write(jpeg, 0, 2);
        withApp1.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        withApp1.writeBytes(payload);
        withApp1.write(jpeg, 2, jpeg.length - 2);
        return withApp1.toByteArray();
    }

    static Browser.FilePart file(String name, String type, byte[] content) {
        return new Browser.FilePart("images", name, type, content);
    }

    private Browser.Page submit(String language, Map<String, Object> fields, List<Browser.FilePart> files) {
        Browser.Page form = browser.get("/" + language + "/events/new?campaign=" + slug);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.doc().selectFirst("form.event-form").attr("enctype")).isEqualTo("multipart/form-data");
        return browser.submitMultipart(form, "form.event-form", fields, files);
    }

    private long eventTitled(String title) {
        return eventsTitled(title).getFirst();
    }

    private long mediaRows() {
        return db.sql("SELECT COUNT(*) FROM media_item").query(Long.class).single();
    }

    private List<MediaItem> processed(long eventId) {
        List<Long> ids = db.sql("SELECT media_id FROM event_image WHERE event_id = :id ORDER BY added_at, media_id")
                .param("id", eventId).query(Long.class).list();
        return TestPhotos.processed(media, ids);
    }

    /** Confirms from the mailed link and approves as a moderator would; returns the management path. */
    private String confirmAndApprove(String email, long eventId) {
        String manage = TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/events/manage/").substring("http://hub.test".length());
        Browser.Page confirmed = browser.submit(browser.get(manage), "form.confirm-form");
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(events.approve(eventId, store.find(eventId).orElseThrow().pending().id())).isTrue();
        return manage;
    }

    @Test
    void anOrganizerAddsAPosterOnTheFormAndItShowsWithoutItsMetadataOnceTheEventIsApproved() {
        String title = EventsFixture.title("Poster");
        String email = uniqueEmail("poster");
        Browser.Page sent = submit("en", fields(title, email), List.of(file("poster.jpg", "image/jpeg", photo(Color.BLUE))));
        assertThat(sent.status()).isEqualTo(302);
        long id = eventTitled(title);
        List<MediaItem> items = processed(id);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.ready()).isTrue();
            assertThat(i.published()).isFalse();
        });
        // not served before a moderator accepted the event
        String thumbnail = items.getFirst().url(org.solidarityhub.media.Variant.THUMBNAIL).orElseThrow();
        assertThat(browser.bytes(thumbnail).statusCode()).isEqualTo(404);

        String manage = confirmAndApprove(email, id);
        assertThat(browser.get(manage).text(".event-images-list .image-state")).isEqualTo("shown on the event page");

        Browser.Page page = browser.get("/en/events/" + id);
        assertThat(page.status()).isEqualTo(200);
        String web = page.doc().selectFirst(".event-images img").attr("src");
        assertThat(web).startsWith("/media/");
        assertThat(page.doc().selectFirst(".event-images img").attr("alt")).isEqualTo("Picture or poster of the event: " + title);
        HttpResponse<byte[]> served = browser.bytes(web);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(indexOf(served.body(), CANARY)).isNegative();
        assertThat(indexOf(served.body(), "Exif".getBytes(StandardCharsets.US_ASCII))).isNegative();
        // the poster is on the preview that chat apps and social networks show of the event's address (its card)
        assertThat(page.doc().selectFirst("meta[property=og:image]").attr("content")).isEqualTo("http://hub.test/en/events/" + id + "/card.png");
        HttpResponse<byte[]> card = browser.bytes("/en/events/" + id + "/card.png");
        assertThat(card.statusCode()).isEqualTo(200);
        java.awt.image.BufferedImage drawn;
        try {
            drawn = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(card.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Color farSide = new Color(drawn.getRGB(1200 - 100, 100));
        assertThat(farSide.getBlue()).as("the blue poster on the card's far side").isGreaterThan(200);
        assertThat(farSide.getRed() + farSide.getGreen()).isLessThan(60);

        Browser.Page list = browser.get("/en/events?campaign=" + slug);
        assertThat(list.doc().selectFirst("#event-" + id + " .card-media img").attr("src")).isEqualTo(thumbnail);
        assertThat(browser.bytes(thumbnail).statusCode()).isEqualTo(200);

        Browser.Page home = browser.get("/en/");
        assertThat(home.doc().select(".home-events .card-media img").eachAttr("src")).contains(thumbnail);
    }

    @Test
    void anOrganizerAddsAndRemovesAPictureOnTheManagementPageOfAPublishedEvent() {
        String title = EventsFixture.title("Later picture");
        String email = uniqueEmail("later");
        assertThat(submit("en", fields(title, email), List.of()).status()).isEqualTo(302);
        long id = eventTitled(title);
        String manage = confirmAndApprove(email, id);
        assertThat(browser.get("/en/events/" + id).doc().select(".event-images")).isEmpty();

        Browser.Page added = browser.submitMultipart(browser.get(manage), "form.event-images-form", Map.of(),
                List.of(file("photo.png", "image/png", photo(Color.RED))));
        assertThat(added.status()).isEqualTo(302);
        assertThat(browser.follow(added).text("p.notice[role=status]")).contains("The picture was added.");
        MediaItem item = processed(id).getFirst();
        assertThat(item.ready()).isTrue();
        // a published event: served as soon as processed
        assertThat(media.find(item.id()).orElseThrow().published()).isTrue();
        assertThat(browser.get("/en/events/" + id).doc().select(".event-images img")).hasSize(1);

        Browser.Page removed = browser.submit(browser.get(manage), "form.inline");
        assertThat(removed.status()).isEqualTo(302);
        assertThat(media.find(item.id())).isEmpty();
        assertThat(browser.bytes(item.url(org.solidarityhub.media.Variant.WEB).orElseThrow()).statusCode()).isEqualTo(404);
        assertThat(browser.get("/en/events/" + id).doc().select(".event-images")).isEmpty();
    }

    private void assertRefused(List<Browser.FilePart> files, String message) {
        String title = EventsFixture.title("Refused picture");
        long before = mediaRows();
        Browser.Page page = submit("en", fields(title, uniqueEmail("refused")), files);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#images-error")).isEqualTo(message);
        assertThat(page.doc().selectFirst("#images").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.doc().selectFirst("#title").val()).isEqualTo(title); // the input is kept
        assertThat(page.body()).contains("Your pictures were not kept: please choose them again.");
        assertThat(eventsTitled(title)).isEmpty();
        assertThat(mediaRows()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedAndNothingIsStored() {
        assertRefused(List.of(file("poster.jpg", "image/jpeg", "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))),
                "Only pictures are accepted here (JPEG, PNG, WebP or HEIC), not videos.");
    }

    @Test
    void aVideoIsRefusedBeforeAnythingOfItIsStored(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        byte[] video = java.nio.file.Files.readAllBytes(org.solidarityhub.media.VideoFixtures.plain(dir, "clip.mp4", 160, 120, 1));
        assertRefused(List.of(file("poster.jpg", "image/jpeg", video)),
                "Only pictures are accepted here (JPEG, PNG, WebP or HEIC), not videos.");
    }

    @Test
    void aBrokenImageIsRefusedAndNothingIsStored() {
        byte[] jpeg = photo(Color.GREEN);
        assertRefused(List.of(file("poster.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2))),
                "The file is incomplete or damaged. Please send it again.");
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsStored() {
        assertRefused(List.of(file("poster.jpg", "image/jpeg", new byte[0])), "The file is empty.");
    }

    @Test
    void anImageOverTheSizeCapIsRefusedAndNothingIsStored() {
        byte[] jpeg = photo(Color.GREEN);
        byte[] huge = Arrays.copyOf(jpeg, 21 * 1024 * 1024); // the 20 MB cap of images, cut off while copying
        assertRefused(List.of(file("poster.jpg", "image/jpeg", huge)),
                "The file is too large for this site. Please send a smaller photo or a shorter video.");
    }

    @Test
    void moreImagesThanAnEventMayHaveAreRefusedAndNothingIsStored() {
        List<Browser.FilePart> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(file("p" + i + ".jpg", "image/jpeg", photo(Color.getHSBColor(i / 5f, 1, 1))));
        }
        assertRefused(five, "An event can have at most 4 pictures. Remove one first or choose fewer.");
    }

    @Test
    void theRefusalIsInTheReadersLanguage() {
        String title = EventsFixture.title("Refused in Ukrainian");
        Browser.Page page = submit("uk", fields(title, uniqueEmail("uk")),
                List.of(file("a.jpg", "image/jpeg", "not an image".getBytes(StandardCharsets.UTF_8))));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text("#images-error")).isEqualTo(
                context.getBean(org.springframework.context.MessageSource.class).getMessage("media.refused.imageOnly", null,
                        java.util.Locale.forLanguageTag("uk")));
        assertThat(page.text("#images-error")).doesNotContain("This kind of file");
        assertThat(page.body()).contains("Ваші зображення не збережено");
    }

    @Test
    void onTheManagementPageBadInputGetsItsMessageAndTooManyCountsTheImagesAlreadyThere() {
        String title = EventsFixture.title("Managed pictures");
        String email = uniqueEmail("managed");
        List<Browser.FilePart> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(file("p" + i + ".jpg", "image/jpeg", photo(Color.getHSBColor(i / 4f, 1, 1))));
        }
        assertThat(submit("en", fields(title, email), four).status()).isEqualTo(302);
        long id = eventTitled(title);
        String manage = TestMailServer.link(TestMailServer.await(email, 1, Duration.ofSeconds(10)).getFirst(),
                "http://hub.test/en/events/manage/").substring("http://hub.test".length());
        long before = mediaRows();

        Browser.Page tooMany = browser.submitMultipart(browser.get(manage), "form.event-images-form", Map.of(),
                List.of(file("fifth.jpg", "image/jpeg", photo(Color.BLACK))));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("#images-error")).isEqualTo("An event can have at most 4 pictures. Remove one first or choose fewer.");

        Browser.Page none = browser.submitMultipart(browser.get(manage), "form.event-images-form", Map.of(), List.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text("#images-error")).isEqualTo("Choose a picture to add.");
        assertThat(mediaRows()).isEqualTo(before);
        assertThat(processed(id)).hasSize(4);

        Browser.Page removed = browser.submit(browser.get(manage), "form.inline");
        assertThat(removed.status()).isEqualTo(302);
        Browser.Page broken = browser.submitMultipart(browser.get(manage), "form.event-images-form", Map.of(),
                List.of(file("x.jpg", "image/jpeg", "%PDF-1.4 not a picture".getBytes(StandardCharsets.US_ASCII))));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("#images-error")).startsWith("Only pictures are accepted here");
        assertThat(processed(id)).hasSize(3);
        // a made-up image id is a 404, not a 500
        assertThat(browser.post(manage + "/images/999999999/remove", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theImagesOfASubmissionNeverConfirmedAreErasedWithIt() {
        String title = EventsFixture.title("Never confirmed");
        assertThat(submit("en", fields(title, uniqueEmail("never")), List.of(file("a.jpg", "image/jpeg", photo(Color.ORANGE))))
                .status()).isEqualTo(302);
        long id = eventTitled(title);
        MediaItem item = processed(id).getFirst();
        java.time.Instant later = applicationClock.instant().plus(Duration.ofDays(8));
        run("events.unconfirmed", later);
        assertThat(store.find(id)).isEmpty();
        assertThat(run("events.images", later)).isGreaterThanOrEqualTo(1);
        assertThat(media.find(item.id())).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM event_image WHERE event_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    private int run(String name, java.time.Instant now) {
        RetentionRule rule = context.getBean(Retention.class).rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        return rule.eraser().eraseBefore(now.minus(rule.keptFor()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
